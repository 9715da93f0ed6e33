package vn.govsdk.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field or parameter that {@link MockGovPlatformExtension} fills: of type
 * {@link vn.govsdk.testkit.MockGovPlatform} (the platform), {@link java.net.URI} (its base URL, or
 * the URL of {@link #value()} when given), {@link vn.govsdk.testkit.data.SyntheticData} (its data) or
 * {@link vn.govsdk.testkit.TestClock} (its clock, when {@link WithMockGovPlatform#testClock()} is set).
 * Static fields are filled once for the class, instance fields for each test instance. Parameters of
 * type {@code MockGovPlatform} or {@code SyntheticData} are filled without the annotation.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MockPlatform {

    /**
     * For a {@code URI}: the path on the platform, typically a service prefix such as {@code /c06};
     * empty for the base URL.
     *
     * @return the path
     */
    String value() default "";
}
