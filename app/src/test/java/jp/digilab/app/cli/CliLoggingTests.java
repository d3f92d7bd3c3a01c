package jp.digilab.app.cli;

import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's log lines say a template's warning in the user's language and leave
 * other messages as logged.
 */
class CliLoggingTests {

	private final CliLogging.ReasonConverter converter = new CliLogging.ReasonConverter();

	@AfterEach
	void defaultLanguage() {
		Messages.reset();
	}

	@Test
	void aTemplatesWarningInJapaneseByDefaultAndInEnglishWithLangEn() {
		LoggingEvent warning = event("templates/x.yml:4: unknown field key 'colour' ignored");
		Messages.reset();
		assertThat(this.converter.convert(warning)).isEqualTo("templates/x.yml:4: 項目のキー「colour」は不明のため無視しました");
		Messages.use("en");
		assertThat(this.converter.convert(warning)).isEqualTo("templates/x.yml:4: unknown field key 'colour' ignored");
	}

	@Test
	void otherMessagesAsLogged() {
		Messages.reset();
		assertThat(this.converter.convert(event("scan-001.png: 1 document(s), 0 error(s) in 620 ms")))
			.isEqualTo("scan-001.png: 1 document(s), 0 error(s) in 620 ms");
	}

	private static LoggingEvent event(String message) {
		LoggingEvent event = new LoggingEvent();
		event.setMessage(message);
		return event;
	}

}
