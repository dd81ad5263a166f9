package com.chargeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logging set up in code rather than logback.xml: the XML configurator alone costs about half a
 * second of start-up (the start-up budget: serve answers within 3 s). One line per event on stderr: logfmt
 * ({@link LogfmtLayout}), or logback's own JSON with {@code CHARGELINE_LOG_FORMAT=json}; with the request id when
 * there is one. {@code CHARGELINE_LOG_LEVEL} sets the root level, {@code CHARGELINE_ACCESS_LOG} the access log's.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty", Level.WARN, "io.javalin", Level.WARN, "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN, "io.zonky", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        var format = System.getenv("CHARGELINE_LOG_FORMAT");
        var encoder = encoder(context, format);
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("CHARGELINE_LOG_LEVEL"), Level.INFO));
        root.addAppender(appender);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.getLogger("chargeline.access").setLevel(Level.toLevel(System.getenv("CHARGELINE_ACCESS_LOG"), Level.INFO));
        if (format != null && !format.isEmpty() && !format.equals("logfmt") && !format.equals("json")) {
            context.getLogger(LogConfiguration.class).warn("CHARGELINE_LOG_FORMAT must be logfmt or json, not {};"
                    + " writing logfmt", format);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The encoder of {@code format}: logback's JSON encoder (one object a line) for "json", else logfmt. */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, String format) {
        if ("json".equals(format)) {
            var json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithArguments(false);
            json.setWithMessage(false);
            json.start();
            return json;
        }
        var layout = new LogfmtLayout();
        layout.setContext(context);
        layout.start();
        var logfmt = new LayoutWrappingEncoder<ILoggingEvent>();
        logfmt.setContext(context);
        logfmt.setLayout(layout);
        logfmt.start();
        return logfmt;
    }
}
