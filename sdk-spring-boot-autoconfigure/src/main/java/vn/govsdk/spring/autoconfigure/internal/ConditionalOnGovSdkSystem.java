package vn.govsdk.spring.autoconfigure.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when at least one of the given systems is configured: some property under its prefix is set
 * (in any property source, relaxed names included) and {@code <prefix>.enabled} is not {@code false}.
 * A system configured only in part then fails the context naming its missing property, instead of being
 * left out in silence.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(OnGovSdkSystemCondition.class)
public @interface ConditionalOnGovSdkSystem {

    /**
     * Returns the systems' property prefixes.
     *
     * @return for example {@code govsdk.population}
     */
    String[] value();
}
