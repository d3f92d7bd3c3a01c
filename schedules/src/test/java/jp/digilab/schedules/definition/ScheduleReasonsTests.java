package jp.digilab.schedules.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.jobs.JobReasons;
import jp.digilab.ocr.Reasons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalog of schedule file problems: every entry has its Japanese text and is
 * recognised; the problems the real loader finds are said in Japanese with their file and
 * line, and left in English for an English reader.
 */
class ScheduleReasonsTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)\\}");

	@TempDir
	Path home;

	private ScheduleLoader loader;

	@BeforeEach
	void setUp() throws IOException {
		Files.createDirectories(this.home.resolve("schedules"));
		Files.createDirectories(this.home.resolve("jobs"));
		Files.writeString(this.home.resolve("jobs/juminhyo.yml"), "id: juminhyo\n");
		this.loader = ScheduleLoader.forHome(this.home);
	}

	@Test
	void everyEntryHasAJapaneseTextWithTheSameArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(ScheduleReasons.BUNDLE, Locale.JAPANESE);
		for (ScheduleReasons entry : ScheduleReasons.values()) {
			assertThat(japanese.containsKey(entry.key())).as("Japanese text of %s", entry).isTrue();
			String pattern = japanese.getString(entry.key());
			assertThat(arguments(pattern)).as("arguments of %s", entry).isEqualTo(arguments(entry.english()));
			if (entry != ScheduleReasons.IN_FILE) {
				assertThat(pattern).as("%s is translated", entry).isNotEqualTo(entry.english());
			}
		}
		assertThat(ScheduleReasons.values()).extracting(ScheduleReasons::key).doesNotHaveDuplicates();
	}

	@Test
	void everyEntryIsRecognisedWithItsArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(ScheduleReasons.BUNDLE, Locale.JAPANESE);
		for (ScheduleReasons entry : ScheduleReasons.values()) {
			Object[] arguments = sampleArguments(entry);
			Object[] japaneseArguments = arguments.clone();
			for (int nested : entry.nested()) {
				arguments[nested] = ScheduleReasons.FILE_EMPTY.text();
				japaneseArguments[nested] = "ファイルが空です";
			}
			String expected = new MessageFormat(japanese.getString(entry.key()), Locale.JAPANESE)
				.format(japaneseArguments);
			String english = entry.text(arguments);
			assertThat(ScheduleReasons.localize(english, Locale.JAPANESE)).as("%s", entry).isEqualTo(expected);
			assertThat(ScheduleReasons.localize(english, Locale.ENGLISH)).isEqualTo(english);
		}
	}

	@Test
	void problemsOfTheRealLoaderInJapanese() throws IOException {
		Path file = this.home.resolve("schedules/nightly.yml");
		assertThat(japanese("nightly", "id: nightly\njob: juminhyo\ncronn: \"0 30 2 ? * MON-FRI\"\n"))
			.isEqualTo(file + " 3行目: キー「cronn」はありません（使えるキー: id, job, cron, timeZone, skipHolidays, misfire）");
		assertThat(japanese("nightly", "id: nightly\njob: juminhyo\ncron: \"0 30 2 * * MON-FRI\"\n"))
			.startsWith(file + " 3行目: Quartz の cron 式「0 30 2 * * MON-FRI」が正しくありません: ")
			.endsWith("（書式: 秒 分 時 日 月 曜日 [年]）");
		assertThat(japanese("nightly", "id: nightly\njob: koseki\ncron: \"0 30 2 ? * MON-FRI\"\n"))
			.isEqualTo(file + " 2行目: ジョブ「koseki」は定義されていません（" + this.home.resolve("jobs/koseki.yml") + " がありません）");
		assertThat(japanese("nightly", "id: nightly\njob: juminhyo\ncron: \"0 0 0 1 1 ? 2001\"\n"))
			.isEqualTo(file + " 3行目: cron 式「0 0 0 1 1 ? 2001」はこの先一度も実行されません");
		assertThat(japanese("nightly", "id: nightly\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\ntimeZone: Tokyo\n"))
			.isEqualTo(file + " 4行目: タイムゾーン「Tokyo」はありません（Asia/Tokyo のような地域名で指定してください）");
		assertThat(japanese("nightly",
				"id: nightly\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\nskipHolidays: sometimes\n"))
			.isEqualTo(file + " 4行目: 「skipHolidays」の値は true か false で書いてください");
		assertThat(japanese("nightly", "id: nightly\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\nmisfire: later\n"))
			.isEqualTo(file + " 4行目: misfire「later」は run-once か skip で指定してください");
		assertThat(japanese("nightly", "id: daily\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\n"))
			.isEqualTo(file + " 1行目: id「daily」がファイル名「nightly」と一致しません");
		assertThat(japanese("nightly", "id: nightly\ncron: \"0 30 2 ? * MON-FRI\"\n"))
			.isEqualTo(file + ": 「job」がありません");
		assertThat(japanese("nightly", "id: nightly\njob: juminhyo\n  cron: x\n"))
			.matches(Pattern.quote(file.toString()) + " \\d+行目: YAMLの書き方に誤りがあります: .+");
		assertThat(japanese("nightly", "")).isEqualTo(file + ": ファイルが空です");
		assertThat(japanese("nightly", "- a\n- b\n"))
			.isEqualTo(file + " 1行目: 「キー: 値」の形で書いてください（id, job, cron, timeZone, skipHolidays, misfire などのキー）");
	}

	@Test
	void problemsStayInEnglishForAnEnglishReader() throws IOException {
		String english = problem("nightly", "id: nightly\njob: juminhyo\ncron: \"0 0 0 1 1 ? 2001\"\n");
		assertThat(english).isEqualTo(
				this.home.resolve("schedules/nightly.yml") + " line 3: cron '0 0 0 1 1 ? 2001' never fires again");
		assertThat(ScheduleReasons.localize(english, Locale.ENGLISH)).isEqualTo(english);
	}

	@Test
	void theProblemsOfLoadAllAndOtherCatalogsReasonsInJapanese() throws IOException {
		write("a-bad", "id: a-bad\njob: juminhyo\ncron: \"0 30 2 ? * MON-FRI\"\nmisfire: later\n");
		ScheduleFiles files = this.loader.loadAll();
		assertThat(files.problems()).singleElement()
			.satisfies((problem) -> assertThat(ScheduleReasons.localize(problem.message(), Locale.JAPANESE))
				.endsWith("a-bad.yml 4行目: misfire「later」は run-once か skip で指定してください"));
		// the console and the command line show every stored reason through this catalog
		assertThat(ScheduleReasons.localize(Reasons.BLANK_PAGE.text(), Locale.JAPANESE))
			.isEqualTo(Reasons.localize(Reasons.BLANK_PAGE.text(), Locale.JAPANESE))
			.isNotEqualTo(Reasons.BLANK_PAGE.text());
		// a job definition's line keeps the jobs catalog's words
		String job = JobReasons.ID_MISSING.text("/home/digilab/jobs/juminhyo.yml");
		assertThat(ScheduleReasons.localize(job, Locale.JAPANESE)).isEqualTo(JobReasons.localize(job, Locale.JAPANESE))
			.isNotEqualTo(job);
		String unknownKey = JobReasons.UNKNOWN_KEY.text("/home/digilab/jobs/juminhyo.yml", "cronn", "id, templates");
		assertThat(ScheduleReasons.localize(unknownKey, Locale.JAPANESE))
			.isEqualTo(JobReasons.localize(unknownKey, Locale.JAPANESE));
		// the console's edit names the file schedules/ID.yml
		assertThat(ScheduleReasons.localize("schedules/nightly.yml line 3: cron '0 0 0 1 1 ? 2001' never fires again",
				Locale.JAPANESE))
			.isEqualTo("schedules/nightly.yml 3行目: cron 式「0 0 0 1 1 ? 2001」はこの先一度も実行されません");
		// text no entry made comes back as it is
		assertThat(ScheduleReasons.localize("x.yml: something else", Locale.JAPANESE))
			.isEqualTo("x.yml: something else");
	}

	private String japanese(String id, String text) throws IOException {
		return ScheduleReasons.localize(problem(id, text), Locale.JAPANESE);
	}

	private String problem(String id, String text) throws IOException {
		Path file = write(id, text);
		ScheduleException ex = catchThrowableOfType(ScheduleException.class, () -> this.loader.load(file));
		assertThat(ex).as("a problem with %s", text).isNotNull();
		return ex.getMessage();
	}

	private Path write(String id, String text) throws IOException {
		Path file = this.home.resolve("schedules/" + id + ".yml");
		Files.writeString(file, text);
		return file;
	}

	private static Object[] sampleArguments(ScheduleReasons entry) {
		Object[] arguments = new Object[arguments(entry.english()).size()];
		Arrays.setAll(arguments, (i) -> "arg" + i);
		if (entry == ScheduleReasons.AT_LINE || entry == ScheduleReasons.IN_FILE) {
			arguments[0] = "/home/digilab/schedules/nightly.yml";
		}
		if (entry == ScheduleReasons.AT_LINE) {
			arguments[1] = "12";
		}
		return arguments;
	}

	static Set<Integer> arguments(String pattern) {
		Set<Integer> indexes = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(pattern);
		while (m.find()) {
			indexes.add(Integer.valueOf(m.group(1)));
		}
		return indexes;
	}

}
