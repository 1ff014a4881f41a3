package com.rabaislocal.sdk.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line the SDK writes (all levels, all {@code com.rabaislocal} loggers) so tests can assert on
 * them, e.g. that no secret ever appears. Use in try-with-resources.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.previous = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
    }

    /** @return a capture of every SDK logger at every level */
    public static LogCapture sdk() {
        return new LogCapture("com.rabaislocal");
    }

    /** @return the formatted lines so far, each prefixed with its level, throwable messages included */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            StringBuilder sb = new StringBuilder(e.getLevel().toString()).append(' ')
                    .append(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** @return every captured line joined with newlines */
    public String text() {
        return String.join("\n", lines());
    }

    /**
     * Returns the captured lines at one level.
     *
     * @param level e.g. {@code "WARN"}
     * @return those lines
     */
    public List<String> at(String level) {
        List<String> out = new ArrayList<>();
        for (String l : lines()) {
            if (l.startsWith(level + " ")) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }
}
