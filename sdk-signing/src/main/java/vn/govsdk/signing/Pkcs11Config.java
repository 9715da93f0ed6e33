package vn.govsdk.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;

/**
 * How to reach a key on a PKCS#11 token or HSM: the vendor's module library (for example
 * {@code /usr/lib/viettel-ca_v6.so} or SoftHSM2's {@code libsofthsm2.so}), the slot (by index, by
 * slot id or by token label), where the PIN comes from (a file, an environment variable or a
 * callback, never a string in code) and, when the token holds several keys, which one.
 *
 * <p>Immutable; {@code toString()} never shows the PIN.
 */
public final class Pkcs11Config {

    private final Path library;
    private final Integer slotIndex;
    private final Long slotId;
    private final String tokenLabel;
    private final String keyLabel;
    private final byte[] keyId;
    private final Supplier<char[]> pin;
    private final String pinDescription;

    private Pkcs11Config(Builder b) {
        this.library = b.library;
        this.slotIndex = b.slotIndex;
        this.slotId = b.slotId;
        this.tokenLabel = b.tokenLabel;
        this.keyLabel = b.keyLabel;
        this.keyId = b.keyId;
        this.pin = b.pin;
        this.pinDescription = b.pinDescription;
    }

    /**
     * Returns a new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a configuration file into a builder, to which the PIN source is then added. The file
     * holds {@code key = value} lines ({@code #} starts a comment), as SunPKCS11 configurations do:
     * {@code library} (required), one of {@code slotListIndex}, {@code slot} or {@code tokenLabel},
     * and optionally {@code keyLabel} and {@code keyId} (hex). A {@code pinFile} line names a file
     * holding the PIN; a PIN itself is never accepted in the configuration.
     *
     * @param file the configuration file
     * @return a builder holding the file's settings
     * @throws InvalidInputException naming the line if the file is missing or malformed
     */
    public static Builder fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("pkcs11 config " + file, "does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("pkcs11 config " + file, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Builder b = builder();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("pkcs11 config " + file + " line " + n, "must be key = value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            String field = "pkcs11 config " + file + " line " + n + " (" + key + ")";
            try {
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "library" -> b.library(resolve(file, value));
                    case "slotlistindex" -> b.slotIndex(Integer.parseInt(value));
                    case "slot" -> b.slotId(Long.parseLong(value));
                    case "tokenlabel" -> b.tokenLabel(value);
                    case "keylabel" -> b.keyLabel(value);
                    case "keyid" -> b.keyId(value);
                    case "pinfile" -> b.pinFile(resolve(file, value));
                    case "name", "description" -> {
                        // SunPKCS11 keys that carry no meaning here; accepted so existing files work.
                    }
                    case "pin" -> throw new InvalidInputException(field,
                            "must not hold the PIN; put it in a file and name it with pinFile or --pin-file");
                    default -> throw new InvalidInputException(field,
                            "is not a known key (library, slotListIndex, slot, tokenLabel, keyLabel, keyId, pinFile)");
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(field, "must be a number, got " + value);
            }
        }
        return b;
    }

    private static Path resolve(Path configFile, String value) {
        Path p = Path.of(value);
        if (p.isAbsolute() || configFile.getParent() == null) {
            return p;
        }
        return configFile.getParent().resolve(p);
    }

    /**
     * Returns the PKCS#11 module library.
     *
     * @return the library path
     */
    public Path library() {
        return library;
    }

    /**
     * Returns the slot index (position in the list of slots with a token), if chosen that way.
     *
     * @return the index
     */
    public OptionalInt slotIndex() {
        return slotIndex == null ? OptionalInt.empty() : OptionalInt.of(slotIndex);
    }

    /**
     * Returns the PKCS#11 slot id, if chosen that way.
     *
     * @return the slot id
     */
    public OptionalLong slotId() {
        return slotId == null ? OptionalLong.empty() : OptionalLong.of(slotId);
    }

    /**
     * Returns the token label, if the slot is chosen by it.
     *
     * @return the label
     */
    public Optional<String> tokenLabel() {
        return Optional.ofNullable(tokenLabel);
    }

    /**
     * Returns the label of the key or of its certificate, if one key is chosen by label.
     *
     * @return the label
     */
    public Optional<String> keyLabel() {
        return Optional.ofNullable(keyLabel);
    }

    /**
     * Returns the {@code CKA_ID} of the key, if one key is chosen by id.
     *
     * @return a copy of the id
     */
    public Optional<byte[]> keyId() {
        return Optional.ofNullable(keyId).map(byte[]::clone);
    }

    /**
     * Asks the PIN source for the PIN. The caller clears the array after use.
     *
     * @return the PIN
     * @throws InvalidInputException if the source yields nothing
     */
    public char[] pin() {
        char[] p = pin.get();
        if (p == null || p.length == 0) {
            throw new InvalidInputException("pin", "the PIN source (" + pinDescription + ") gave no PIN");
        }
        return p;
    }

    @Override
    public String toString() {
        return "Pkcs11Config[library=" + library
                + (slotIndex != null ? ", slotListIndex=" + slotIndex : "")
                + (slotId != null ? ", slot=" + slotId : "")
                + (tokenLabel != null ? ", tokenLabel=" + tokenLabel : "")
                + (keyLabel != null ? ", keyLabel=" + keyLabel : "")
                + (keyId != null ? ", keyId=" + HexFormat.of().formatHex(keyId) : "")
                + ", pin=" + pinDescription + " ***]";
    }

    /** Builds a {@link Pkcs11Config}. */
    public static final class Builder {
        private Path library;
        private Integer slotIndex;
        private Long slotId;
        private String tokenLabel;
        private String keyLabel;
        private byte[] keyId;
        private Supplier<char[]> pin;
        private String pinDescription;

        private Builder() {
        }

        /**
         * Sets the PKCS#11 module library of the token's vendor.
         *
         * @param library the path of the {@code .so}, {@code .dll} or {@code .dylib}
         * @return this builder
         */
        public Builder library(Path library) {
            this.library = Objects.requireNonNull(library, "library");
            return this;
        }

        /**
         * Chooses the slot by its index among the slots that hold a token (SunPKCS11 {@code slotListIndex}).
         *
         * @param index the index, from 0
         * @return this builder
         */
        public Builder slotIndex(int index) {
            if (index < 0) {
                throw new InvalidInputException("slotIndex", "must be 0 or more, got " + index);
            }
            this.slotIndex = index;
            return this;
        }

        /**
         * Chooses the slot by its PKCS#11 slot id (SunPKCS11 {@code slot}).
         *
         * @param id the slot id
         * @return this builder
         */
        public Builder slotId(long id) {
            if (id < 0) {
                throw new InvalidInputException("slotId", "must be 0 or more, got " + id);
            }
            this.slotId = id;
            return this;
        }

        /**
         * Chooses the slot by the label of the token in it. Reading token labels uses the JDK's
         * internal PKCS#11 wrapper: the JVM must run with
         * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (the
         * {@code govsdk} command does); otherwise choose the slot by index or id.
         *
         * @param label the token label
         * @return this builder
         */
        public Builder tokenLabel(String label) {
            if (label == null || label.isBlank()) {
                throw new InvalidInputException("tokenLabel", "must not be blank");
            }
            this.tokenLabel = label;
            return this;
        }

        /**
         * Chooses one key by its label or the label of its certificate, when the token holds several.
         *
         * @param label the label
         * @return this builder
         */
        public Builder keyLabel(String label) {
            if (label == null || label.isBlank()) {
                throw new InvalidInputException("keyLabel", "must not be blank");
            }
            this.keyLabel = label;
            return this;
        }

        /**
         * Chooses one key by its {@code CKA_ID}, given in hex.
         *
         * @param hex the id, for example {@code 01} or {@code a1b2c3}
         * @return this builder
         */
        public Builder keyId(String hex) {
            if (hex == null || hex.isBlank()) {
                throw new InvalidInputException("keyId", "must not be blank");
            }
            try {
                this.keyId = HexFormat.of().parseHex(hex.strip().replace(":", ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("keyId", "must be hexadecimal, got " + hex);
            }
            return this;
        }

        /**
         * Reads the PIN from a file (one trailing line break is ignored) each time the token is opened.
         *
         * @param file the file holding the PIN
         * @return this builder
         */
        public Builder pinFile(Path file) {
            Objects.requireNonNull(file, "file");
            this.pin = () -> readPinFile(file);
            this.pinDescription = "file " + file;
            return this;
        }

        /**
         * Reads the PIN from an environment variable.
         *
         * @param variable the variable's name
         * @return this builder
         */
        public Builder pinEnvironment(String variable) {
            if (variable == null || variable.isBlank()) {
                throw new InvalidInputException("pinEnvironment", "must name a variable");
            }
            this.pin = () -> {
                String v = System.getenv(variable);
                if (v == null || v.isEmpty()) {
                    throw new InvalidInputException("pin", "environment variable " + variable + " is not set or empty");
                }
                return v.toCharArray();
            };
            this.pinDescription = "environment variable " + variable;
            return this;
        }

        /**
         * Uses a PIN held as a {@link Secret}, for example {@code Secret.fromFile(path)}.
         *
         * @param pin the PIN
         * @return this builder
         */
        public Builder pin(Secret pin) {
            Objects.requireNonNull(pin, "pin");
            this.pin = () -> pin.value().toCharArray();
            this.pinDescription = "secret";
            return this;
        }

        /**
         * Asks a callback for the PIN, for example a dialog in a desktop application.
         *
         * @param callback returns the PIN; the SDK clears the array after use
         * @return this builder
         */
        public Builder pinCallback(Supplier<char[]> callback) {
            this.pin = Objects.requireNonNull(callback, "callback");
            this.pinDescription = "callback";
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws InvalidInputException naming what is missing or contradictory
         */
        public Pkcs11Config build() {
            if (library == null) {
                throw new InvalidInputException("library", "must be set to the token's PKCS#11 module");
            }
            int ways = (slotIndex != null ? 1 : 0) + (slotId != null ? 1 : 0) + (tokenLabel != null ? 1 : 0);
            if (ways > 1) {
                throw new InvalidInputException("slot", "choose the slot one way only: slotIndex, slotId or tokenLabel");
            }
            if (pin == null) {
                throw new InvalidInputException("pin", "must come from pinFile, pinEnvironment, pin(Secret) or pinCallback");
            }
            return new Pkcs11Config(this);
        }

        private static char[] readPinFile(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("pin file " + file, "does not exist");
            } catch (IOException e) {
                throw new InvalidInputException("pin file " + file, "cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (text.endsWith("\r\n")) {
                text = text.substring(0, text.length() - 2);
            } else if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                throw new InvalidInputException("pin file " + file, "is empty");
            }
            return text.toCharArray();
        }
    }
}
