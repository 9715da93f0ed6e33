package vn.govsdk.signing.internal.xml;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Apache Santuario's logging through SLF4J. Santuario 4 logs with {@link System.Logger}, which
 * by default writes to {@code java.util.logging} and from there to standard error (a failed reference
 * prints its expected and actual digests there). This sends the {@code org.apache.xml.security}
 * JUL loggers, and only them, to the SLF4J logger of the same name: nothing reaches the standard
 * streams, and the application's SLF4J binding decides what is kept. The JUL level is set once, from
 * the SLF4J level of {@code org.apache.xml.security} when Santuario is initialised, so that Santuario
 * formats nothing the binding would drop.
 */
public final class SantuarioLogging {

    /** Santuario's logger namespace. */
    public static final String NAMESPACE = "org.apache.xml.security";

    // JUL keeps loggers by weak reference: hold this one, or its configuration is lost.
    private static final java.util.logging.Logger JUL = java.util.logging.Logger.getLogger(NAMESPACE);
    private static volatile boolean installed;

    private SantuarioLogging() {
    }

    /** Installs the bridge (once; later calls do nothing). */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        Logger slf4j = LoggerFactory.getLogger(NAMESPACE);
        JUL.setUseParentHandlers(false);
        for (Handler h : JUL.getHandlers()) {
            JUL.removeHandler(h);
        }
        JUL.addHandler(new Slf4jHandler());
        JUL.setLevel(slf4j.isTraceEnabled() ? Level.FINEST : slf4j.isDebugEnabled() ? Level.FINE
                : slf4j.isInfoEnabled() ? Level.INFO : slf4j.isWarnEnabled() ? Level.WARNING
                : slf4j.isErrorEnabled() ? Level.SEVERE : Level.OFF);
        installed = true;
    }

    /** One JUL record to the SLF4J logger of the same name, at the matching level. */
    static final class Slf4jHandler extends Handler {
        private final Formatter formatter = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record);
            }
        };

        @Override
        public void publish(LogRecord record) {
            if (record == null) {
                return;
            }
            Logger log = LoggerFactory.getLogger(record.getLoggerName() == null ? NAMESPACE : record.getLoggerName());
            int level = record.getLevel().intValue();
            String message = formatter.formatMessage(record);
            Throwable thrown = record.getThrown();
            if (level >= Level.SEVERE.intValue()) {
                log.error(message, thrown);
            } else if (level >= Level.WARNING.intValue()) {
                log.warn(message, thrown);
            } else if (level >= Level.INFO.intValue()) {
                log.info(message, thrown);
            } else if (level >= Level.FINE.intValue()) {
                log.debug(message, thrown);
            } else {
                log.trace(message, thrown);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
