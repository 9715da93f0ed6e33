package vn.govsdk.spring.autoconfigure;

import java.nio.file.Path;

/**
 * Where a secret (a password, secret key or client secret) comes from: exactly one of {@code value}
 * (itself best a placeholder such as {@code ${C06_SECRET_KEY}}), {@code file} (a mounted Kubernetes or
 * Docker secret, one trailing line break removed) or {@code env} (the name of an environment variable).
 * The secret becomes a {@link vn.govsdk.core.auth.Secret}, whose {@code toString()} is {@code ***}.
 */
public class SecretSource {

    /** The secret itself; prefer file or env, or a placeholder such as ${C06_SECRET_KEY}, to a literal. */
    private String value;

    /** A UTF-8 file holding the secret. */
    private Path file;

    /** The name of an environment variable holding the secret. */
    private String env;

    /** Creates an empty source, for property binding. */
    public SecretSource() {
    }

    /**
     * Returns the secret value set directly.
     *
     * @return the value, or {@code null}
     */
    public String getValue() {
        return value;
    }

    /**
     * Sets the secret value directly.
     *
     * @param value the value
     */
    public void setValue(String value) {
        this.value = value;
    }

    /**
     * Returns the file holding the secret.
     *
     * @return the file, or {@code null}
     */
    public Path getFile() {
        return file;
    }

    /**
     * Sets the file holding the secret.
     *
     * @param file the file
     */
    public void setFile(Path file) {
        this.file = file;
    }

    /**
     * Returns the environment variable holding the secret.
     *
     * @return the variable's name, or {@code null}
     */
    public String getEnv() {
        return env;
    }

    /**
     * Sets the environment variable holding the secret.
     *
     * @param env the variable's name
     */
    public void setEnv(String env) {
        this.env = env;
    }

    /**
     * Tells whether any of the three is set.
     *
     * @return {@code true} when value, file or env is set
     */
    public boolean isSet() {
        return value != null || file != null || env != null;
    }

    /**
     * Shows which source is set, never the value.
     *
     * @return for example {@code SecretSource[file=/run/secrets/c06]}
     */
    @Override
    public String toString() {
        return "SecretSource[" + (value != null ? "value=***" : file != null ? "file=" + file
                : env != null ? "env=" + env : "unset") + "]";
    }
}
