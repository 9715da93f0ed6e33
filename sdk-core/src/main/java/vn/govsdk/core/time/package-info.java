/**
 * The date and time forms the Vietnamese government systems use, always in Asia/Ho_Chi_Minh.
 */
package vn.govsdk.core.time;
