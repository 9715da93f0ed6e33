/**
 * Identifiers of Vietnamese people and organisations, validated on construction: the 12-digit personal identification number (CCCD), the legacy 9-digit identity card number (CMND) and the tax code (mã số thuế).
 */
package vn.govsdk.core.id;
