/**
 * Administrative units (đơn vị hành chính): the 34 provinces in force since 1 July 2025 and the 63 earlier provinces, as versioned data shipped in the jar.
 */
package vn.govsdk.core.adminunit;
