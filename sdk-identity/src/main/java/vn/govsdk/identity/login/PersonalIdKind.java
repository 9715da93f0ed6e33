package vn.govsdk.identity.login;

/** Which document the personal ID of a {@link CitizenIdentity} comes from. */
public enum PersonalIdKind {
    /** The 12-digit personal identification number (số định danh cá nhân, claim {@code SoDinhDanh}). */
    CITIZEN_ID,
    /** The legacy identity card number (chứng minh nhân dân, claim {@code SoCMND}). */
    LEGACY_ID_CARD,
    /** A passport number (hộ chiếu, claim {@code HoChieu}). */
    PASSPORT
}
