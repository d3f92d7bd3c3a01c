package jp.digilab.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * Logging for the commands that run without Spring ({@code ocr}, {@code template},
 * {@code robot}): log lines to standard error, so that standard output holds only what
 * the command prints ({@code ocr --json} is JSON a script can parse). Logback's own
 * default writes every INFO line to standard output. The commands that start Spring
 * ({@code run}, {@code serve}, {@code demo}, {@code report}) get Spring Boot's logging
 * configuration when it starts, which replaces this one.
 * <p>
 * A line whose message is one of the catalogued reasons (a template's warning
 * {@code FILE:LINE: unknown field key 'x' ignored}) is shown in the user's language, as
 * the commands' own output is; other messages are written as logged.
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
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.getInstanceConverterMap().put("reason", ReasonConverter::new);
		layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} : %reason%n");
		layout.start();
		LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
		encoder.setContext(context);
		encoder.setLayout(layout);
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

	/**
	 * A log line's message, said in the user's language when it is a catalogued reason.
	 */
	public static final class ReasonConverter extends ClassicConverter {

		@Override
		public String convert(ILoggingEvent event) {
			return Messages.reason(event.getFormattedMessage());
		}

	}

}
