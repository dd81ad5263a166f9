package com.chargeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logging set up in code rather than logback.xml: the XML configurator alone costs about half a
 * second of start-up (the start-up budget: serve answers within 3 s). One logfmt line per event on
 * stderr, with the request id when there is one. {@code CHARGELINE_LOG_LEVEL} sets the root level,
 * {@code CHARGELINE_ACCESS_LOG} the access log's.
 */
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty", Level.WARN, "io.javalin", Level.WARN, "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN, "io.zonky", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} level=%level logger=%logger{0} "
                + "request_id=%X{request_id:--} msg=\"%replace(%msg){'\"','\\\\\"'}\"%n%ex");
        encoder.start();
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
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
