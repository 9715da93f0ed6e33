package vn.govsdk.spring.autoconfigure.internal;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition behind {@link ConditionalOnGovSdkSystem}. */
final class OnGovSdkSystemCondition extends SpringBootCondition {

    OnGovSdkSystemCondition() {
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnGovSdkSystem.class.getName());
        String[] prefixes = (String[]) attributes.get("value");
        Environment environment = context.getEnvironment();
        for (String prefix : prefixes) {
            if (configured(environment, prefix)) {
                return ConditionOutcome.match(prefix + ".* is set");
            }
        }
        return ConditionOutcome.noMatch("no property under " + String.join(".*, ", prefixes)
                + ".* is set, or the system has enabled=false");
    }

    /**
     * Tells whether a system is configured.
     *
     * @param environment the environment
     * @param prefix the system's prefix
     * @return whether a property under it is set and {@code enabled} is not {@code false}
     */
    static boolean configured(Environment environment, String prefix) {
        boolean disabled = Binder.get(environment).bind(prefix + ".enabled", Boolean.class).map(b -> !b).orElse(false);
        if (disabled) {
            return false;
        }
        ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(root) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
