package jp.digilab.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Logging for the commands that run without Spring ({@code ocr}, {@code template},
 * {@code robot}): log lines to standard error, so that standard output holds only what
 * the command prints ({@code ocr --json} is JSON a script can parse). Logback's own
 * default writes every INFO line to standard output. The commands that start Spring
 * ({@code run}, {@code serve}, {@code demo}, {@code report}) get Spring Boot's logging
 * configuration when it starts, which replaces this one.
 */
final class CliLogging {

	private CliLogging() {
	}

	/**
	 * Send log lines to standard error, from INFO ({@code DEBUG} with DIGILAB_DEBUG set).
	 */
	static void toStandardError() {
		if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
			return;
		}
		context.reset();
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} : %msg%n");
		encoder.start();
		ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
		appender.setContext(context);
		appender.setTarget("System.err");
		appender.setEncoder(encoder);
		appender.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.setLevel((System.getenv("DIGILAB_DEBUG") != null) ? Level.DEBUG : Level.INFO);
		root.addAppender(appender);
	}

}
