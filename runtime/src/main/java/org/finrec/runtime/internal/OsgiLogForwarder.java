package org.finrec.runtime.internal;

import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the OSGi Log Service's entries (Declarative Services' failed activations, Configuration Admin's refused
 * configurations, FileInstall's failed deployments) to the host's slf4j, so that they reach the same console and
 * files as the host's own logging instead of staying in an in-memory log nobody reads.
 *
 * <p>Each entry goes to the slf4j logger {@code osgi.<bundle symbolic name>} at the entry's level (framework, bundle
 * and service events at debug), prefixed with the service PID when the entry names a service. The entries logged before the forwarder saw the log reader (the
 * log's own history, oldest first) are forwarded once when the reader appears.
 */
public final class OsgiLogForwarder implements LogListener, AutoCloseable {

    /** The logger names under which the log service records framework, bundle and service events (OSGi R7). */
    private static final String FRAMEWORK_EVENTS = "Events.";

    private final ServiceTracker<LogReaderService, LogReaderService> tracker;
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    /**
     * Starts forwarding.
     *
     * @param context the system bundle's context
     */
    public OsgiLogForwarder(BundleContext context) {
        this.tracker = new ServiceTracker<>(context, LogReaderService.class, null) {
            @Override
            public LogReaderService addingService(ServiceReference<LogReaderService> reference) {
                LogReaderService reader = super.addingService(reference);
                if (reader != null) {
                    forwardHistory(reader.getLog());
                    reader.addLogListener(OsgiLogForwarder.this);
                }
                return reader;
            }

            @Override
            public void removedService(ServiceReference<LogReaderService> reference, LogReaderService reader) {
                reader.removeLogListener(OsgiLogForwarder.this);
                super.removedService(reference, reader);
            }
        };
        tracker.open();
    }

    private void forwardHistory(Enumeration<LogEntry> newestFirst) {
        ArrayDeque<LogEntry> oldestFirst = new ArrayDeque<>();
        while (newestFirst.hasMoreElements()) {
            oldestFirst.addFirst(newestFirst.nextElement());
        }
        oldestFirst.forEach(this::logged);
    }

    @Override
    public void logged(LogEntry entry) {
        String bundle = entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName();
        Logger logger = loggers.computeIfAbsent("osgi." + bundle, LoggerFactory::getLogger);
        String message = source(entry) + entry.getMessage();
        Throwable failure = entry.getException();
        if (entry.getLoggerName().startsWith(FRAMEWORK_EVENTS)) {
            logger.debug(message, failure);
            return;
        }
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, failure);
            case WARN -> logger.warn(message, failure);
            case INFO -> logger.info(message, failure);
            case DEBUG -> logger.debug(message, failure);
            default -> logger.trace(message, failure);
        }
    }

    private static String source(LogEntry entry) {
        ServiceReference<?> service = entry.getServiceReference();
        if (service == null) {
            return "";
        }
        Object pid = service.getProperty(Constants.SERVICE_PID);
        Object component = service.getProperty("component.name");
        return "[" + (pid != null ? pid : component != null ? component : "service " + service.getProperty(
                Constants.SERVICE_ID)) + "] ";
    }

    /** Stops forwarding; after the framework stopped, its log reader is already gone and this does nothing. */
    @Override
    public void close() {
        try {
            tracker.close();
        } catch (IllegalStateException frameworkStopped) {
            // the framework's context is invalid: the reader and the listener went with it
        }
    }
}
