package vn.govsdk.core.privacy;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masker of personal data (dữ liệu cá nhân) and secrets in govsdk. The SDK's logging
 * interceptor uses it on every URL, header and body it logs, and every {@code toString()} of an
 * identifier, credential or personal record uses it, so that logs never carry a full citizen ID,
 * tax code, name, token or secret.
 *
 * <p>Rules, by field name (JSON members, XML elements whatever their namespace prefix, form and
 * query parameters, headers), from one list kept in this class that covers every personal field the
 * contracts name:
 * <ul>
 *   <li>identifiers (citizen ID, legacy ID, passport, tax codes, phone numbers, e-mail, accounts) keep
 *       their first 3 and last 2 characters: {@code 079*******45};</li>
 *   <li>tokens, passwords ({@code MatKhau}), keys and checksums become {@code ***};</li>
 *   <li>personal names keep each word's first letter: {@code N*** V*** A***}, the whole value even in
 *       {@code HoVaTen=Nguyễn Văn An} free text;</li>
 *   <li>other personal data (birth dates, addresses, ethnicity, religion, nationality, gender, marital
 *       status, family ties, a certificate's subject) becomes {@code ***}.</li>
 * </ul>
 * As a safety net, by shape wherever text stands: runs of 9 to 13 digits, and 9 to 13 digits written
 * in groups with spaces, dots or dashes ({@code 079 203 001 234}, {@code +84 901 234 567}), keep their
 * first 3 and last 2 digits; e-mail addresses keep their first letter and domain; {@code Bearer} and
 * {@code Basic} credentials and JWTs become {@code ***}; a certificate subject's {@code CN=} keeps
 * initials. Masking is deliberately greedy; a masked amount in a DEBUG line is a fair price. TRACE may
 * show a body's structure, never a person.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PersonalDataMasker {

    /** What a secret becomes. */
    public static final String SECRET_MASK = "***";

    /** The most characters of a remote-supplied string that {@link #maskRemote} keeps. */
    public static final int MAX_REMOTE_TEXT = 200;

    /*
     * The one list of field names (JSON members, XML elements without their prefix, form and query
     * parameters, headers; compared in lower case) whose values are masked. It covers every personal
     * field the contracts in docs/contracts/ name; keep it so when a contract gains one.
     */

    /** Secrets: the value becomes {@code ***}. */
    private static final Set<String> DEFAULT_SECRET_FIELDS = Set.of(
            "password", "passwd", "pass", "pwd", "matkhau", "mat_khau", "secret", "client_secret", "clientsecret",
            "secretkey", "secret_key", "hash_key", "hashkey", "token", "access_token", "accesstoken", "refresh_token",
            "refreshtoken", "id_token", "idtoken", "id_token_hint", "session", "sp_password", "lgspaccesstoken",
            "authorization", "apikey", "api_key", "x-api-key", "otp", "sad", "pin", "maxacthuc", "checksum",
            "code_verifier", "code", "authhash", "auth", "cookie", "set-cookie", "proxy-authorization", "accesskey",
            "private_key", "client_assertion");

    /** Personal names: each word keeps its first letter. */
    private static final Set<String> DEFAULT_NAME_FIELDS = Set.of(
            "hovaten", "hoten", "hotencha", "hotenme", "hotenvo", "hotenchong", "hotenchuho", "tenchuho", "fullname",
            "full_name", "tencongdan", "hotennguoinop", "tennguoivipham", "tennguoiphananh", "chuhoso", "nguoixuly",
            "nguoitraloi", "given_name", "family_name", "middle_name", "ho", "chudem", "ten", "applicantname",
            "representativenames", "representativename", "nguoidaidien", "payername", "signername");

    /** Identifiers (citizen IDs, passports, tax codes, phones, e-mail, accounts): the first 3 and last 2 characters stay. */
    private static final Set<String> DEFAULT_IDENTIFIER_FIELDS = Set.of(
            "sodinhdanh", "socmnd", "cccd", "cmnd", "hochieu", "sohochieu", "passport", "masothue", "masodoanhnghiep",
            "user_id", "userid", "username", "preferred_username", "sub", "techid", "madoituong", "socmndnguoinop",
            "sodinhdanhnguoiphananh", "sohokhau", "sodienthoai", "dienthoai", "phone", "phonenumber", "phone_number",
            "email", "thudientu", "macanbo", "officeraccount", "mstorcmnd", "personalid", "citizenid", "taxcode",
            "uid", "sodangky", "registernumber");

    /**
     * Other personal data (birth dates, addresses, ethnicity, religion, nationality, gender, marital
     * status, family ties, places, a certificate's subject): the value becomes {@code ***}.
     */
    private static final Set<String> DEFAULT_PERSONAL_FIELDS = Set.of(
            "ngaysinh", "ngaythangnamsinh", "ngaythangnam", "namsinh", "birthdate", "birth_date", "birthday", "dob",
            "diachi", "address", "addressfulltext", "thuongtru", "noithuongtru", "tamtru", "noitamtru", "noiohientai",
            "quequan", "noisinh", "noidangkykhaisinh", "street", "duong", "sonha",
            "dantoc", "ethnicity", "tongiao", "religion", "quoctich", "nationality", "gioitinh", "gender",
            "tinhtranghonnhan", "maritalstatus", "quanhevoichuho", "vochong", "kinhdo", "vido", "latitude",
            "longitude", "cert_subject", "subjectdn", "subject");

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])([0-9]{10}-[0-9]{3}|[0-9]{9,13})(?![0-9])");
    /** Digits in groups (079 203 001 234, 0901-234-567, +84 901 234 567); masked when 9 to 13 digits in all. */
    private static final Pattern GROUPED_DIGITS =
            Pattern.compile("(?<![0-9A-Za-z.,:/-])(?:\\+84[ .-]?)?[0-9]{2,6}(?:[ .-][0-9]{2,6}){1,5}(?![0-9A-Za-z:/-]|[.,][0-9])");
    private static final Pattern EMAIL =
            Pattern.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9\\-._~+/]+=*");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
    private static final Pattern COMMON_NAME = Pattern.compile("\\bCN=([^,+/\"\\\\<>\\r\\n]+)");
    private static final Pattern JSON_MEMBER =
            Pattern.compile("\"([A-Za-z0-9_\\-]+)\"(\\s*:\\s*)(\"((?:[^\"\\\\]|\\\\.)*)\"|-?[0-9][0-9.eE+\\-]*)");
    private static final Pattern XML_ELEMENT =
            Pattern.compile("<((?:[A-Za-z0-9_\\-]+:)?([A-Za-z0-9_\\-]+))(\\s[^>]*)?>([^<]*)</\\1>");
    /** A parameter whose value may hold spaces (names, addresses): up to the next separator or {@code key=}. */
    private static final Pattern FORM_PARAM_TEXT = Pattern.compile(
            "(^|[?&;\\s])([A-Za-z0-9_\\-.]+)=([^&#;\\r\\n]*?)(?=[&#;\\r\\n]|\\s+[A-Za-z0-9_\\-.]+=|$)");
    private static final Pattern FORM_PARAM = Pattern.compile("(^|[?&;\\s])([A-Za-z0-9_\\-.]+)=([^&\\s#]*)");

    private static final PersonalDataMasker STANDARD = new PersonalDataMasker(DEFAULT_SECRET_FIELDS,
            DEFAULT_NAME_FIELDS, DEFAULT_IDENTIFIER_FIELDS, DEFAULT_PERSONAL_FIELDS);

    private final Set<String> secretFields;
    private final Set<String> nameFields;
    private final Set<String> identifierFields;
    private final Set<String> personalFields;

    private PersonalDataMasker(Set<String> secretFields, Set<String> nameFields, Set<String> identifierFields,
            Set<String> personalFields) {
        this.secretFields = secretFields;
        this.nameFields = nameFields;
        this.identifierFields = identifierFields;
        this.personalFields = personalFields;
    }

    /**
     * Returns the masker the SDK uses by default.
     *
     * @return the standard masker
     */
    public static PersonalDataMasker standard() {
        return STANDARD;
    }

    /**
     * Returns a masker that also treats the given field names (case-insensitive) as secrets.
     *
     * @param fieldNames extra JSON member, XML element, parameter or header names to mask as secrets
     * @return a new masker
     */
    public PersonalDataMasker withSecretFields(Set<String> fieldNames) {
        return new PersonalDataMasker(union(secretFields, fieldNames), nameFields, identifierFields, personalFields);
    }

    /**
     * Returns a masker that also treats the given field names (case-insensitive) as personal names.
     *
     * @param fieldNames extra field names whose values are personal names
     * @return a new masker
     */
    public PersonalDataMasker withNameFields(Set<String> fieldNames) {
        return new PersonalDataMasker(secretFields, union(nameFields, fieldNames), identifierFields, personalFields);
    }

    private static Set<String> union(Set<String> base, Set<String> extra) {
        java.util.HashSet<String> all = new java.util.HashSet<>(base);
        for (String name : extra) {
            all.add(name.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(all);
    }

    /**
     * Masks an identifier: keeps its first 3 and last 2 characters and replaces the rest with
     * {@code *}. Values of 6 characters or fewer become {@code ***} entirely.
     *
     * @param identifier a citizen ID, legacy ID, tax code, phone number or account name; may be null
     * @return the masked form, or {@code null} for {@code null}
     */
    public static String maskIdentifier(String identifier) {
        if (identifier == null) {
            return null;
        }
        int n = identifier.length();
        if (n <= 6) {
            return SECRET_MASK;
        }
        StringBuilder s = new StringBuilder(n);
        s.append(identifier, 0, 3);
        for (int i = 3; i < n - 2; i++) {
            char c = identifier.charAt(i);
            s.append(c == '-' || c == ' ' || c == '.' ? c : '*');
        }
        return s.append(identifier, n - 2, n).toString();
    }

    /**
     * Masks a personal name: each word keeps its first letter, followed by {@code ***}.
     *
     * @param name a personal name such as {@code Nguyễn Văn An}; may be null
     * @return the masked form such as {@code N*** V*** A***}, or {@code null} for {@code null}
     */
    public static String maskName(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (s.length() > 0) {
                s.append(' ');
            }
            s.appendCodePoint(word.codePointAt(0)).append(SECRET_MASK);
        }
        return s.toString();
    }

    /**
     * Masks a secret. Always returns {@code ***}, whatever the input, so that not even the length
     * of a secret leaks.
     *
     * @param secret ignored
     * @return {@code ***}
     */
    public static String maskSecret(Object secret) {
        return SECRET_MASK;
    }

    /**
     * Masks one HTTP header value by the header's name: credentials and cookies become {@code ***},
     * identifier headers keep their ends, and any other value is masked as text.
     *
     * @param headerName the header name, case-insensitive
     * @param value the header value
     * @return the value safe to log
     */
    public String maskHeader(String headerName, String value) {
        Objects.requireNonNull(headerName, "headerName");
        if (value == null) {
            return null;
        }
        String key = headerName.toLowerCase(Locale.ROOT);
        if (secretFields.contains(key)) {
            return SECRET_MASK;
        }
        if (identifierFields.contains(key)) {
            return maskIdentifier(value);
        }
        if (personalFields.contains(key)) {
            return SECRET_MASK;
        }
        return maskText(value);
    }

    /**
     * Masks free text: a URL, a JSON, XML or form body, or a message. Values of sensitive JSON
     * members, XML elements and parameters are masked by their name; any remaining free-standing
     * run of 9, 10, 12 or 13 digits is masked as an identifier.
     *
     * @param text the text; may be null
     * @return the text safe to log, or {@code null} for {@code null}
     */
    public String maskText(CharSequence text) {
        if (text == null) {
            return null;
        }
        String s = text.toString();
        s = replace(JSON_MEMBER, s, m -> {
            String quotedValue = m.group(4);
            String value = quotedValue != null ? quotedValue : m.group(3);
            String masked = maskByField(m.group(1), value);
            if (masked == null) {
                return m.group();
            }
            return "\"" + m.group(1) + "\"" + m.group(2) + "\"" + masked + "\"";
        });
        s = replace(XML_ELEMENT, s, m -> {
            String masked = maskByField(m.group(2), m.group(4));
            if (masked == null) {
                return m.group();
            }
            String attributes = m.group(3) == null ? "" : m.group(3);
            return "<" + m.group(1) + attributes + ">" + masked + "</" + m.group(1) + ">";
        });
        s = replace(FORM_PARAM_TEXT, s, m -> {
            String key = m.group(2).toLowerCase(Locale.ROOT);
            if (!nameFields.contains(key) && !personalFields.contains(key)) {
                return m.group();
            }
            String masked = maskByField(m.group(2), m.group(3).strip());
            return masked == null ? m.group() : m.group(1) + m.group(2) + "=" + masked;
        });
        s = replace(FORM_PARAM, s, m -> {
            String masked = maskByField(m.group(2), m.group(3));
            return masked == null || m.group(3).equals(masked) ? m.group() : m.group(1) + m.group(2) + "=" + masked;
        });
        s = replace(BEARER, s, m -> m.group(1) + " " + SECRET_MASK);
        s = replace(JWT, s, m -> SECRET_MASK);
        s = replace(EMAIL, s, m -> m.group(1) + SECRET_MASK + "@" + m.group(2));
        s = replace(COMMON_NAME, s, m -> "CN=" + maskName(m.group(1)));
        s = replace(GROUPED_DIGITS, s, m -> {
            long digits = m.group().chars().filter(Character::isDigit).count();
            return digits >= 9 && digits <= 13 ? maskDigits(m.group()) : m.group();
        });
        return replace(DIGIT_RUN, s, m -> maskIdentifier(m.group(1)));
    }

    /** Keeps the first 3 and last 2 digits of a grouped number, and its separators. */
    private static String maskDigits(String grouped) {
        int total = (int) grouped.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder(grouped.length());
        int seen = 0;
        for (int i = 0; i < grouped.length(); i++) {
            char c = grouped.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= 3 || seen > total - 2 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Makes a string the other side supplied (an error parameter, a service message, a callback
     * field) safe for an exception message or a log line: masked as {@link #maskText} does, capped at
     * {@value #MAX_REMOTE_TEXT} characters (then ending in {@code …}), and neutralised: control,
     * format (bidirectional overrides, zero-width) and line-separator characters and the markup
     * characters {@code < > &} become {@code \\uXXXX}, so that it can neither forge a log line nor carry
     * markup into a page that shows the message.
     *
     * @param text the remote text; may be null
     * @return the safe text, or {@code null} for {@code null}
     */
    public String maskRemote(CharSequence text) {
        if (text == null) {
            return null;
        }
        // Cap before masking too, so that a hostile megabyte costs nothing.
        CharSequence head = text.length() > 4 * MAX_REMOTE_TEXT ? text.subSequence(0, 4 * MAX_REMOTE_TEXT) : text;
        String masked = maskText(head);
        StringBuilder out = new StringBuilder(Math.min(masked.length(), MAX_REMOTE_TEXT) + 8);
        int kept = 0;
        for (int i = 0; i < masked.length(); ) {
            int cp = masked.codePointAt(i);
            i += Character.charCount(cp);
            if (kept == MAX_REMOTE_TEXT) {
                out.append('…');
                return out.toString();
            }
            int type = Character.getType(cp);
            if (cp == '<' || cp == '>' || cp == '&' || type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                for (char c : Character.toChars(cp)) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            } else {
                out.appendCodePoint(cp);
            }
            kept++;
        }
        if (head.length() < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private String maskByField(String field, String value) {
        String key = field.toLowerCase(Locale.ROOT);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (secretFields.contains(key)) {
            return SECRET_MASK;
        }
        if (nameFields.contains(key)) {
            return maskName(value);
        }
        if (identifierFields.contains(key)) {
            return maskIdentifier(value);
        }
        if (personalFields.contains(key)) {
            return SECRET_MASK;
        }
        return null;
    }

    private interface Replacer {
        String apply(Matcher m);
    }

    private static String replace(Pattern pattern, String input, Replacer replacer) {
        Matcher m = pattern.matcher(input);
        if (!m.find()) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length());
        int last = 0;
        do {
            out.append(input, last, m.start()).append(replacer.apply(m));
            last = m.end();
        } while (m.find());
        return out.append(input, last, input.length()).toString();
    }
}
