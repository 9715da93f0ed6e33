package vn.govsdk.signing.verify;

/** Whether a signature's cryptography holds: every digest and the signature value. */
public enum Integrity {
    /** Every digest and the signature value verified. */
    INTACT,
    /** A digest or the signature value did not verify, or could not be checked. */
    BROKEN
}
