package vn.govsdk.identity.login;

/** The kind of account a person logged in with (loại tài khoản, the portal's {@code LoaiTaiKhoan}). */
public enum AccountType {
    /** A citizen's own account ({@code LoaiTaiKhoan = 1}). */
    CITIZEN,
    /** An organisation's or business's account (any other {@code LoaiTaiKhoan}). */
    ORGANISATION
}
