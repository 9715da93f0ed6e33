package vn.govsdk.spring.autoconfigure;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Context runners with the auto-configurations the jar registers, read from its imports file. */
final class GovSdkContextRunners {

    private GovSdkContextRunners() {
    }

    /**
     * Returns a runner with every auto-configuration listed in
     * {@code META-INF/spring/...AutoConfiguration.imports}, as an application would get them.
     */
    static ApplicationContextRunner registered() {
        ClassLoader loader = GovSdkContextRunners.class.getClassLoader();
        List<Class<?>> classes = ImportCandidates.load(AutoConfiguration.class, loader).getCandidates().stream()
                .filter(name -> name.startsWith("vn.govsdk."))
                .<Class<?>>map(name -> {
                    try {
                        return Class.forName(name, false, loader);
                    } catch (ClassNotFoundException e) {
                        throw new AssertionError("listed but missing: " + name, e);
                    }
                }).toList();
        if (classes.size() != 6) {
            throw new AssertionError("expected the 6 govsdk auto-configurations to be registered, found " + classes);
        }
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(classes.toArray(Class<?>[]::new)));
    }
}
