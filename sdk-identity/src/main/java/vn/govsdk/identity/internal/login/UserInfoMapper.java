package vn.govsdk.identity.internal.login;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import vn.govsdk.identity.login.AccountType;
import vn.govsdk.identity.login.CitizenIdentity;
import vn.govsdk.identity.login.PersonalIdKind;

/** Maps the public-service portal's userinfo claims onto a {@link CitizenIdentity}. */
public final class UserInfoMapper {

    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private UserInfoMapper() {
    }

    /**
     * Maps userinfo claims.
     *
     * @param userInfo the userinfo JSON object
     * @param subject the subject, already checked against the ID token
     * @return the identity
     */
    public static CitizenIdentity map(JsonNode userInfo, String subject) {
        Optional<String> personalId = text(userInfo, "SoDinhDanh");
        PersonalIdKind kind = PersonalIdKind.CITIZEN_ID;
        if (personalId.isEmpty()) {
            personalId = text(userInfo, "SoCMND");
            kind = PersonalIdKind.LEGACY_ID_CARD;
        }
        if (personalId.isEmpty()) {
            personalId = text(userInfo, "HoChieu");
            kind = PersonalIdKind.PASSPORT;
        }
        AccountType type = text(userInfo, "LoaiTaiKhoan").map(v -> v.equals("1") ? AccountType.CITIZEN
                : AccountType.ORGANISATION).orElse(AccountType.CITIZEN);
        return new CitizenIdentity(subject, text(userInfo, "TechID"), type, personalId,
                personalId.isPresent() ? Optional.of(kind) : Optional.empty(), text(userInfo, "HoVaTen"),
                text(userInfo, "NgayThangNamSinh").flatMap(UserInfoMapper::date), text(userInfo, "MaSoThue"),
                text(userInfo, "MaSoDoanhNghiep"), text(userInfo, "loginIdp"), text(userInfo, "loAs"));
    }

    /**
     * Reads a claim as trimmed text; numbers are read as their text, empty strings and nulls are absent.
     *
     * @param node the object
     * @param name the claim name
     * @return the value
     */
    public static Optional<String> text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return Optional.empty();
        }
        String s = v.asText().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    private static Optional<LocalDate> date(String text) {
        if (!text.matches("[0-9]{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, YYYYMMDD));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
