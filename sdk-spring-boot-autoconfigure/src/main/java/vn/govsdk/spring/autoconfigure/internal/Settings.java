package vn.govsdk.spring.autoconfigure.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.auth.Secret;
import vn.govsdk.core.http.RetryPolicy;
import vn.govsdk.core.http.Timeouts;
import vn.govsdk.spring.autoconfigure.RetryProperties;
import vn.govsdk.spring.autoconfigure.SecretSource;
import vn.govsdk.spring.autoconfigure.TimeoutProperties;

/**
 * Turns bound properties into the SDK's values, and every refusal into an
 * {@link InvalidConfigurationPropertyValueException} that names the property (Spring Boot's failure
 * analyzer then prints the property and the rule when the context fails to start).
 */
public final class Settings {

    private Settings() {
    }

    /**
     * Returns a required value.
     *
     * @param <T> the value's type
     * @param property the property's full name, for example {@code govsdk.population.endpoint}
     * @param value the bound value
     * @param system the system's prefix, for the message
     * @return the value
     * @throws InvalidConfigurationPropertyValueException naming the property when the value is missing
     */
    public static <T> T required(String property, T value, String system) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidConfigurationPropertyValueException(property, null,
                    "is required when any " + system + ".* property is set (set " + system + ".enabled=false to"
                            + " leave the system out)");
        }
        return value;
    }

    /**
     * Applies a value to an SDK builder, naming the property when the SDK refuses it.
     *
     * @param <T> the value's type
     * @param property the property's full name
     * @param value the bound value; nothing is applied when it is {@code null}
     * @param setter what takes the value
     * @throws InvalidConfigurationPropertyValueException naming the property and the SDK's rule
     */
    public static <T> void apply(String property, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (InvalidInputException e) {
            throw new InvalidConfigurationPropertyValueException(property, value, e.rule());
        }
    }

    /**
     * Builds an SDK value, naming the given property when the SDK refuses a setting.
     *
     * @param <T> the value's type
     * @param property the property (or prefix) the settings came from
     * @param build what builds the value
     * @return the value
     * @throws InvalidConfigurationPropertyValueException naming the property, the SDK's field and rule
     */
    public static <T> T build(String property, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            throw new InvalidConfigurationPropertyValueException(property, null, e.field() + " " + e.rule());
        }
    }

    /**
     * Builds an SDK value whose builder names its fields as the properties are named (in camel case:
     * {@code pageSize} for {@code <prefix>.page-size}), so that a refusal names the property itself.
     *
     * @param <T> the value's type
     * @param prefix the system's prefix
     * @param build what builds the value
     * @return the value
     * @throws InvalidConfigurationPropertyValueException naming {@code <prefix>.<field in kebab case>}
     */
    public static <T> T buildByField(String prefix, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            String field = e.field();
            String property = field.matches("[a-z][A-Za-z0-9]*")
                    ? prefix + "." + field.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT) : prefix;
            throw new InvalidConfigurationPropertyValueException(property, null, e.rule());
        }
    }

    /**
     * Reads a required secret from exactly one of its sources.
     *
     * @param property the secret's property, for example {@code govsdk.portal.password}
     * @param source the bound source
     * @param system the system's prefix, for the message
     * @return the secret
     * @throws InvalidConfigurationPropertyValueException naming the property when no source or more
     *     than one is set, or the file or variable holds nothing
     */
    public static Secret secret(String property, SecretSource source, String system) {
        int set = (source.getValue() != null ? 1 : 0) + (source.getFile() != null ? 1 : 0)
                + (source.getEnv() != null ? 1 : 0);
        if (set == 0) {
            throw new InvalidConfigurationPropertyValueException(property, null, "is required when any " + system
                    + ".* property is set: set one of " + property + ".value, .file or .env");
        }
        if (set > 1) {
            throw new InvalidConfigurationPropertyValueException(property, null,
                    "set exactly one of " + property + ".value, .file and .env");
        }
        if (source.getValue() != null) {
            return build(property + ".value", () -> Secret.of(source.getValue()));
        }
        if (source.getFile() != null) {
            return build(property + ".file", () -> Secret.fromFile(source.getFile()));
        }
        return build(property + ".env", () -> Secret.fromEnvironment(source.getEnv()));
    }

    /**
     * Reads an optional secret.
     *
     * @param property the secret's property
     * @param source the bound source
     * @param system the system's prefix, for the message
     * @return the secret, or {@code null} when no source is set
     */
    public static Secret optionalSecret(String property, SecretSource source, String system) {
        return source.isSet() ? secret(property, source, system) : null;
    }

    /**
     * Makes the timeouts: the SDK's defaults with the values that are set.
     *
     * @param prefix the system's prefix
     * @param p the bound timeouts
     * @return the timeouts
     */
    public static Timeouts timeouts(String prefix, TimeoutProperties p) {
        Timeouts.Builder b = Timeouts.defaults().toBuilder();
        String at = prefix + ".timeouts.";
        apply(at + "connect", p.getConnect(), b::connect);
        apply(at + "read", p.getRead(), b::read);
        apply(at + "write", p.getWrite(), b::write);
        apply(at + "call-deadline", p.getCallDeadline(), b::callDeadline);
        return build(prefix + ".timeouts", b::build);
    }

    /**
     * Makes the retry policy: the SDK's defaults with the values that are set.
     *
     * @param prefix the system's prefix
     * @param p the bound policy
     * @return the policy
     */
    public static RetryPolicy retryPolicy(String prefix, RetryProperties p) {
        RetryPolicy.Builder b = RetryPolicy.defaults().toBuilder();
        String at = prefix + ".retry.";
        apply(at + "max-retries", p.getMaxRetries(), b::maxRetries);
        apply(at + "base-delay", p.getBaseDelay(), b::baseDelay);
        apply(at + "max-delay", p.getMaxDelay(), b::maxDelay);
        apply(at + "max-retry-after", p.getMaxRetryAfter(), b::maxRetryAfter);
        return build(prefix + ".retry", b::build);
    }
}
