package vn.govsdk.testkit.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;
import vn.govsdk.testkit.MockGovPlatform;
import vn.govsdk.testkit.MockServerRunner;
import vn.govsdk.testkit.MockService;
import vn.govsdk.testkit.TestClock;
import vn.govsdk.testkit.data.SyntheticData;

/**
 * JUnit 5 extension that gives a test class a {@link MockGovPlatform}: started on a free port before
 * the first test of the class (and shared with its {@code @Nested} classes), reset before each test
 * (faults removed, journal cleared, service state reset, a {@link TestClock} set back to its start;
 * the synthetic data is derived from the seed and needs no reset), closed after the class. It injects
 * the platform, its base URL, its data and its test clock into fields and parameters marked
 * {@link MockPlatform}.
 *
 * <p>Configure it with {@link WithMockGovPlatform} on the class, or register it with code when the
 * services need building:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MockGovPlatformExtension MOCK = new MockGovPlatformExtension(builder -> builder
 *         .seed(7)
 *         .service(p -> new MyService(p.data())));
 *
 * @Test void works() { URI base = MOCK.platform().baseUrl(); ... }
 * }</pre>
 *
 * <p>Tests of one class share the platform: run them one at a time (JUnit's default), not
 * concurrently within the class.
 */
public final class MockGovPlatformExtension
        implements BeforeAllCallback, BeforeEachCallback, TestInstancePostProcessor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockGovPlatformExtension.class);
    private static final String KEY = "platform";

    private final Consumer<MockGovPlatform.Builder> configurer;
    private volatile MockGovPlatform current;

    /** Creates the extension configured by {@link WithMockGovPlatform} on the test class (or the defaults). */
    public MockGovPlatformExtension() {
        this.configurer = null;
    }

    /**
     * Creates the extension configured with code, for {@code @RegisterExtension}.
     *
     * @param configurer sets seed, TLS and services on the builder; the port is always a free one
     */
    public MockGovPlatformExtension(Consumer<MockGovPlatform.Builder> configurer) {
        this.configurer = Objects.requireNonNull(configurer, "configurer");
    }

    /**
     * Returns the platform this extension started for the test class running now, for code that
     * holds the extension in a static field.
     *
     * @return the platform
     * @throws IllegalStateException before the extension started one
     */
    public MockGovPlatform platform() {
        MockGovPlatform p = current;
        if (p == null) {
            throw new IllegalStateException("the mock platform starts before the first test of the class;"
                    + " it is not available yet");
        }
        return p;
    }

    /**
     * Starts the platform for the class (or reuses the enclosing class's) and fills static fields.
     *
     * @param context the class context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        MockGovPlatform platform = platform(context);
        injectFields(context.getRequiredTestClass(), null, platform);
    }

    /**
     * Resets the platform before each test.
     *
     * @param context the test context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        platform(context).reset();
    }

    /**
     * Fills the instance fields of a new test instance.
     *
     * @param testInstance the instance
     * @param context the context
     */
    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        injectFields(testInstance.getClass(), testInstance, platform(context));
    }

    /**
     * Tells whether a parameter is one this extension fills.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return true for {@code MockGovPlatform}, {@code SyntheticData}, and {@code URI} or {@code TestClock}
     *     marked {@link MockPlatform}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == MockGovPlatform.class || type == SyntheticData.class
                || ((type == URI.class || type == TestClock.class) && parameterContext.isAnnotated(MockPlatform.class));
    }

    /**
     * Fills a parameter.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the value
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        MockGovPlatform platform = platform(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        String path = parameterContext.findAnnotation(MockPlatform.class).map(MockPlatform::value).orElse("");
        Object value = valueFor(type, path, platform);
        if (value == null) {
            throw new ParameterResolutionException("cannot inject " + type.getName() + " from the mock platform");
        }
        return value;
    }

    // ------------------------------------------------------------------ internals

    private MockGovPlatform platform(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        PlatformResource resource = store.getOrComputeIfAbsent(KEY, k -> new PlatformResource(start(context)),
                PlatformResource.class);
        current = resource.platform;
        return resource.platform;
    }

    private MockGovPlatform start(ExtensionContext context) {
        MockGovPlatform.Builder builder = MockGovPlatform.builder().port(0);
        if (configurer != null) {
            configurer.accept(builder);
            builder.port(0);
            return builder.build();
        }
        Optional<WithMockGovPlatform> config = context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, WithMockGovPlatform.class));
        if (config.isPresent()) {
            WithMockGovPlatform c = config.get();
            builder.seed(c.seed()).tls(c.tls());
            if (c.testClock()) {
                builder.clock(TestClock.startingNow());
            }
            if (c.defaultServices()) {
                for (Function<MockGovPlatform, MockService> factory : MockServerRunner.defaultServices()) {
                    builder.service(factory);
                }
            }
            for (Class<? extends MockService> serviceClass : c.services()) {
                builder.service(p -> instantiate(serviceClass, p));
            }
        }
        return builder.build();
    }

    private static MockService instantiate(Class<? extends MockService> type, MockGovPlatform platform) {
        try {
            try {
                Constructor<? extends MockService> withPlatform = type.getConstructor(MockGovPlatform.class);
                return withPlatform.newInstance(platform);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException(type.getName()
                    + " needs a public constructor taking a MockGovPlatform, or a public no-argument one");
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException("cannot create " + type.getName() + ": "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("cannot create " + type.getName() + ": " + e, e);
        }
    }

    private static void injectFields(Class<?> type, Object instance, MockGovPlatform platform) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                MockPlatform mark = field.getAnnotation(MockPlatform.class);
                if (mark == null || Modifier.isStatic(field.getModifiers()) == (instance != null)) {
                    continue;
                }
                Object value = valueFor(field.getType(), mark.value(), platform);
                if (value == null) {
                    throw new ExtensionConfigurationException("@MockPlatform field " + c.getSimpleName() + "."
                            + field.getName() + " must be of type MockGovPlatform, URI, SyntheticData or TestClock"
                            + " (with @WithMockGovPlatform(testClock = true)), not " + field.getType().getName());
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new ExtensionConfigurationException("@MockPlatform field " + c.getSimpleName() + "."
                            + field.getName() + " must not be final");
                }
                try {
                    field.setAccessible(true);
                    field.set(instance, value);
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new ExtensionConfigurationException("cannot set @MockPlatform field " + c.getSimpleName()
                            + "." + field.getName() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static Object valueFor(Class<?> type, String path, MockGovPlatform platform) {
        if (type == MockGovPlatform.class) {
            return platform;
        }
        if (type == URI.class) {
            return path.isEmpty() ? platform.baseUrl() : platform.baseUrl(path);
        }
        if (type == SyntheticData.class) {
            return platform.data();
        }
        if (type == TestClock.class && platform.clock() instanceof TestClock clock) {
            return clock;
        }
        return null;
    }

    /** Closes the platform when JUnit closes the class's store. */
    @SuppressWarnings("deprecation")
    private static final class PlatformResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final MockGovPlatform platform;

        PlatformResource(MockGovPlatform platform) {
            this.platform = platform;
        }

        @Override
        public void close() {
            platform.close();
        }
    }
}
