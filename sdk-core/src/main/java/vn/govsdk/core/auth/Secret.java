package vn.govsdk.core.auth;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Function;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.privacy.PersonalDataMasker;

/**
 * A secret value: a client secret, password, API key or shared key. Its {@code toString()} is
 * always {@code ***}, so a secret that reaches a log line, an exception message or a debugger's
 * summary shows nothing; only {@link #value()} gives the clear text.
 *
 * <p>Secrets are best read from a file or an environment variable ({@link #fromFile(Path)},
 * {@link #fromEnvironment(String)}) so they never sit in source code or on a command line.
 *
 * <p>Two secrets are equal when their values are equal; the comparison takes the same time
 * wherever the values differ. Instances are immutable and thread-safe.
 *
 * <p>Serializable, so that a secret held in an HTTP session (a token, for example) survives a session
 * store such as Spring Session's. The serialized form carries the value in clear text: keep such stores
 * where the secret itself may be kept. A stream whose value is empty is refused.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The clear text; never empty. */
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret held in memory.
     *
     * @param value the secret; not empty
     * @return the secret
     * @throws InvalidInputException if the value is null or empty
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("secret", "must not be empty");
        }
        return new Secret(value);
    }

    /**
     * Reads a secret from a UTF-8 text file, such as a mounted Kubernetes or Docker secret. One
     * trailing line break ({@code \n} or {@code \r\n}) is removed, since editors add one; anything
     * else is kept as it is.
     *
     * @param file the file holding the secret
     * @return the secret
     * @throws InvalidInputException naming the file if it cannot be read or holds nothing
     */
    public static Secret fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        String field = "secret file " + file;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(field, "does not exist");
        } catch (IOException | SecurityException e) {
            // The exception's own message could only name the file again; keep its type for diagnosis.
            throw new InvalidInputException(field, "cannot be read as UTF-8 text (" + e.getClass().getSimpleName() + ")");
        }
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "is empty");
        }
        return new Secret(text);
    }

    /**
     * Reads a secret from an environment variable, taken as it is (no trimming).
     *
     * @param variableName the variable's name, for example {@code GOVSDK_CLIENT_SECRET}
     * @return the secret
     * @throws InvalidInputException naming the variable if it is not set or is empty
     */
    public static Secret fromEnvironment(String variableName) {
        return fromEnvironment(variableName, System::getenv);
    }

    static Secret fromEnvironment(String variableName, Function<String, String> environment) {
        if (variableName == null || variableName.isBlank()) {
            throw new InvalidInputException("variableName", "must not be blank");
        }
        String value = environment.apply(variableName);
        String field = "environment variable " + variableName;
        if (value == null) {
            throw new InvalidInputException(field, "is not set");
        }
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "is empty");
        }
        return new Secret(value);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (value == null || value.isEmpty()) {
            throw new InvalidObjectException("a secret must not be empty");
        }
    }

    /**
     * Returns the secret in clear text. Use it only where the secret must be sent or hashed;
     * never log it or put it in a message.
     *
     * @return the clear-text secret
     */
    public String value() {
        return value;
    }

    /**
     * Compares the values in time that does not depend on where they differ.
     *
     * @param other another object
     * @return whether {@code other} is a secret with the same value
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                        ((Secret) other).value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a constant, so that hash codes reveal nothing of the value.
     *
     * @return the same number for every secret
     */
    @Override
    public int hashCode() {
        return 0x5EC7E7;
    }

    /**
     * Returns {@code ***}, never the value.
     *
     * @return {@code ***}
     */
    @Override
    public String toString() {
        return PersonalDataMasker.SECRET_MASK;
    }
}
