package jp.digilab.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.digilab.ocr.FormImages.Scan;
import jp.digilab.ocr.field.FieldType;
import jp.digilab.ocr.field.Normalized;
import jp.digilab.ocr.template.FormTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalog of reasons: every entry has its Japanese text, the reasons the real
 * normalisers and the form reader give are said in Japanese, anything else is left alone.
 */
class ReasonsTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

	@TempDir
	static Path dir;

	@Test
	void everyEntryHasAJapaneseTextWithTheSameArguments() {
		ResourceBundle japanese = ResourceBundle.getBundle(Reasons.BUNDLE, Locale.JAPANESE);
		for (Reasons entry : Reasons.values()) {
			assertThat(japanese.containsKey(entry.key())).as("Japanese text of %s", entry).isTrue();
			String pattern = japanese.getString(entry.key());
			assertThat(arguments(pattern)).as("arguments of %s", entry).isEqualTo(arguments(entry.english()));
			if (!ReasonLocalizer.isPunctuation(entry)) {
				assertThat(pattern).as("%s is translated", entry).isNotEqualTo(entry.english());
			}
		}
		assertThat(Reasons.values()).extracting(Reasons::key).doesNotHaveDuplicates();
	}

	@Test
	void everyEntryIsRecognisedWithItsArguments() {
		for (Reasons entry : Reasons.values()) {
			Object[] arguments = sampleArguments(entry);
			Object[] japaneseArguments = arguments.clone();
			for (int nested : entry.nested()) {
				japaneseArguments[nested] = "白紙のページです";
			}
			String expected = new MessageFormat(
					ResourceBundle.getBundle(Reasons.BUNDLE, Locale.JAPANESE).getString(entry.key()), Locale.JAPANESE)
				.format(japaneseArguments);
			assertThat(Reasons.localize(entry.text(arguments), Locale.JAPANESE)).as("%s", entry).isEqualTo(expected);
			assertThat(Reasons.localize(entry.text(arguments), Locale.ENGLISH)).isEqualTo(entry.text(arguments));
		}
	}

	@Test
	void theStoredTextIsTheEnglishOneAsBefore() {
		assertThat(Reasons.LOW_CONFIDENCE.text("0.55", "0.80")).isEqualTo("confidence 0.55 below 0.80");
		assertThat(Reasons.IN_PAGE.text("scan.pdf", 2, Reasons.BLANK_PAGE.text()))
			.isEqualTo("scan.pdf: page 2: blank page");
		assertThat(Reasons.IMAGE_OVER_PIXEL_LIMIT.text(20000L, 30000L, 400_000_000L)).isEqualTo(
				"image of 20000x30000 pixels is over the limit of 400000000 pixels (digilab.input.max-image-pixels)");
		assertThat(Reasons.PATTERN_MISMATCH.text("^'{1}\\d+$")).isEqualTo("does not match the pattern ^'{1}\\d+$");
	}

	@Test
	void reasonsOfTheRealNormalisersInJapanese() {
		Normalized postal = FieldType.POSTAL.normalize("803-85O1");
		assertThat(postal.reasons()).containsExactly("a postal code has 7 digits");
		assertThat(japanese(postal.reasons())).containsExactly("郵便番号は7桁です");
		assertThat(japanese(FieldType.DATE.normalize("令和元年4月1日").reasons()))
			.containsExactly("令和は2019-05-01からです（それより前の日付です）");
		assertThat(japanese(FieldType.DATE.normalize("2023年2月30日").reasons())).containsExactly("存在しない日付です: 2023-2-30");
		assertThat(japanese(FieldType.MYNUMBER.normalize("1234 5678 901").reasons())).containsExactly("マイナンバーは12桁です");
		assertThat(japanese(FieldType.KATAKANA.normalize("山田").reasons())).containsExactly("カタカナではありません");
		assertThat(japanese(FieldType.MONEY.normalize("12,34円").reasons())).containsExactly("桁区切りのカンマの位置が違います");
	}

	@Test
	void reasonsOfTheRealFormReaderInJapanese() throws IOException {
		FormTemplate template = FormTemplate.load(FormImages.TEMPLATE);
		Path form = FormImages.writePng(FormImages.render(FormImages.sampleValues(), Scan.straight(150)),
				dir.resolve("form.png"), 150);
		Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
		Path blank = FormImages.writePng(FormImages.blank(100), dir.resolve("blank.png"), 100);
		try (FormReader reader = new FormReader(
				OcrSettings.defaults().withEngineFactory(FakeEngine.reading("123456789018", 0.55)))) {
			FieldResult myNumber = reader.read(form, List.of(template)).documents().get(0).fields().get("my_number");
			assertThat(myNumber.reasons()).containsExactly("confidence 0.55 below 0.80");
			assertThat(japanese(myNumber.reasons())).containsExactly("確信度 0.55 が基準 0.80 未満");
			assertThat(japanese(reader.read(empty, List.of(template)).errors())).containsExactly("empty.png: ファイルが空です");
		}
		try (FormReader reader = new FormReader(OcrSettings.defaults()
			.withEngineFactory((tessdata, languages) -> new FakeEngine("", (whitelist) -> OcrText.empty())))) {
			ScanResult result = reader.read(blank, List.of(template));
			assertThat(result.errors()).containsExactly("blank.png: page 1: blank page");
			assertThat(japanese(result.errors())).containsExactly("blank.png: 1ページ目: 白紙のページです");
		}
	}

	@Test
	void anEngineThatCannotStartIsAFilesReasonInJapanese() throws IOException {
		FormTemplate template = FormTemplate.load(FormImages.TEMPLATE);
		Path form = FormImages.writePng(FormImages.render(FormImages.sampleValues(), Scan.straight(150)),
				dir.resolve("no-tessdata.png"), 150);
		Path tessdata = Files.createDirectories(dir.resolve("empty-tessdata"));
		// the real Tesseract engine, given a folder without its language data
		try (FormReader reader = new FormReader(OcrSettings.defaults().withTessdata(tessdata))) {
			List<String> errors = reader.read(form, List.of(template)).errors();
			assertThat(errors).isNotEmpty()
				.allSatisfy((e) -> assertThat(e).startsWith("no-tessdata.png: ")
					.containsPattern(
							"Tesseract language '[a-z_]+' not found in " + Pattern.quote(tessdata.toString())));
			assertThat(japanese(errors)).allSatisfy((e) -> assertThat(e).startsWith("no-tessdata.png: ")
				.containsPattern("Tesseract の言語データ「[a-z_]+」が " + Pattern.quote(tessdata.toString()) + " にありません"));
			assertThat(errors).allSatisfy((e) -> assertThat(Reasons.localize(e, Locale.ENGLISH)).isEqualTo(e));
		}
		OcrEngineException ex = catchThrowableOfType(OcrEngineException.class,
				() -> new TesseractEngine(tessdata, "jpn+eng"));
		assertThat(ex.getMessage()).isEqualTo("Tesseract language 'jpn' not found in " + tessdata);
		assertThat(Reasons.localize(ex.getMessage(), Locale.JAPANESE))
			.isEqualTo("Tesseract の言語データ「jpn」が " + tessdata + " にありません");
		assertThat(Reasons.localize(Reasons.FIELD_UNREADABLE.text(ex.getMessage()), Locale.JAPANESE))
			.endsWith("「jpn」が " + tessdata + " にありません");
	}

	@Test
	void aFileLineRoundAnUnknownPageErrorKeepsTheErrorAsItIs() {
		assertThat(Reasons.localize("scan.pdf: page 3: java.lang.OutOfMemoryError", Locale.JAPANESE))
			.isEqualTo("scan.pdf: 3ページ目: java.lang.OutOfMemoryError");
		assertThat(Reasons.localize("scan.pdf: PDF has 600 pages, more than the limit of 500"
				+ " (digilab.input.max-pages); split it into smaller files", Locale.JAPANESE))
			.isEqualTo("scan.pdf: PDFが600ページあり、上限の500ページ（digilab.input.max-pages）を超えています。ファイルを分けてください");
	}

	@Test
	void textThatIsNoReasonComesBackUnchanged() {
		for (String text : List.of("", "something else", "Tesseract could not load jpn", "not a real date",
				"scan.png: something else", "blank page!", "confidence high")) {
			assertThat(Reasons.localize(text, Locale.JAPANESE)).isEqualTo(text);
		}
		assertThat(Reasons.localize(null, Locale.JAPANESE)).isNull();
		assertThat(Reasons.localize("blank page", Locale.ENGLISH)).isEqualTo("blank page");
		assertThat(Reasons.localize("blank page", Locale.FRENCH)).isEqualTo("blank page");
		assertThat(Reasons.localize("blank page", Locale.JAPAN)).isEqualTo("白紙のページです");
	}

	private static List<String> japanese(List<String> reasons) {
		return reasons.stream().map((r) -> Reasons.localize(r, Locale.JAPANESE)).toList();
	}

	private static Object[] sampleArguments(Reason entry) {
		Set<Integer> indexes = arguments(entry.english());
		Object[] arguments = new Object[indexes.isEmpty() ? 0 : indexes.stream().max(Integer::compare).get() + 1];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = "arg" + i;
		}
		for (int nested : entry.nested()) {
			arguments[nested] = Reasons.BLANK_PAGE.text();
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
