package jp.digilab.app.logscan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.LoggerFactory;

/**
 * Every log line written in the test JVM, with its stack traces, into
 * {@code target/test-logs/test-run.log}: a Logback file appender on the root logger,
 * attached when the JUnit session opens and again after Spring Boot has set up logging
 * for each application it starts (it stops and resets Logback, dropping appenders and
 * listeners; {@link Reattach} is registered in {@code META-INF/spring.factories}).
 * {@link LogScanTests} reads it at the end of the run for secrets and My Numbers.
 */
public class TestRunLog extends ContextAwareBase implements LauncherSessionListener, LoggerContextListener {

	/** The file every line goes to. */
	public static final Path FILE = Path.of("target", "test-logs", "test-run.log");

	private static final String APPENDER = "digilab-test-run";

	private static volatile boolean installed;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		install();
	}

	/** Attach the appender (once per JVM; the file is emptied then). */
	public static synchronized void install() {
		if (installed) {
			return;
		}
		installed = true;
		try {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, "", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		TestRunLog listener = new TestRunLog();
		listener.setContext(context);
		context.addListener(listener);
		attach(context);
	}

	/** Puts the appender back once Spring Boot has configured logging. */
	public static class Reattach
			implements org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent>,
			org.springframework.core.Ordered {

		@Override
		public void onApplicationEvent(org.springframework.context.ApplicationEvent event) {
			if (event instanceof org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent
					|| event instanceof org.springframework.boot.context.event.ApplicationPreparedEvent) {
				install();
				attach((LoggerContext) LoggerFactory.getILoggerFactory());
			}
		}

		@Override
		public int getOrder() {
			return org.springframework.core.Ordered.LOWEST_PRECEDENCE;
		}

	}

	private static void attach(LoggerContext context) {
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		if (root.getAppender(APPENDER) != null) {
			return;
		}
		PatternLayoutEncoder encoder = new PatternLayoutEncoder();
		encoder.setContext(context);
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.setPattern(
				"%d{HH:mm:ss.SSS} %-5level [%thread] [run=%X{runId:-} record=%X{record:-}] %logger{36} : %msg%n%ex");
		encoder.start();
		FileAppender<ILoggingEvent> appender = new FileAppender<>();
		appender.setName(APPENDER);
		appender.setContext(context);
		appender.setFile(FILE.toAbsolutePath().toString());
		appender.setAppend(true);
		appender.setEncoder(encoder);
		appender.start();
		root.addAppender(appender);
	}

	@Override
	public boolean isResetResistant() {
		return true;
	}

	@Override
	public void onStart(LoggerContext context) {
	}

	@Override
	public void onReset(LoggerContext context) {
		attach(context);
	}

	@Override
	public void onStop(LoggerContext context) {
	}

	@Override
	public void onLevelChange(Logger logger, Level level) {
	}

}
