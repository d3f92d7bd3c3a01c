package jp.digilab.jobs.export;

import java.nio.charset.Charset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetPolicyTests {

	private final CharsetPolicy sjis = CharsetPolicy.forCharset("windows-31j");

	@Test
	void everyStandardMappingIsNeededAndRoundTrips() {
		Charset ms932 = Charset.forName("windows-31j");
		CharsetPolicy.STANDARD_MAPPINGS.forEach((from, to) -> {
			String source = new String(Character.toChars(from));
			String target = new String(Character.toChars(to));
			assertThat(roundTrip(source, ms932)).as("U+%04X does not survive windows-31j", from).isNotEqualTo(source);
			assertThat(roundTrip(target, ms932)).as("U+%04X survives windows-31j", to).isEqualTo(target);
			assertThat(this.sjis.normalize(source)).isEqualTo(target);
		});
	}

	@Test
	void yenSignIsWrittenFullWidthNotAsABackslash() {
		assertThat(this.sjis.normalize("¥1,200")).isEqualTo("￥1,200");
	}

	private static String roundTrip(String text, Charset charset) {
		return new String(text.getBytes(charset), charset);
	}

	@Test
	void charactersThatAreInTheEncodingAreNotTouched() {
		assertThat(this.sjis.normalize("髙橋～①－∥ｶﾅabc")).isEqualTo("髙橋～①－∥ｶﾅabc");
		assertThat(this.sjis.canEncodeAll("髙橋～①")).isTrue();
	}

	@Test
	void whatRemainsUnencodableIsListedByCodePoint() {
		String value = this.sjis.normalize("𠮷〜😀");
		assertThat(value).isEqualTo("𠮷～😀");
		assertThat(this.sjis.unencodable(value)).containsExactly(0x20BB7, 0x1F600);
		assertThat(this.sjis.replace(value, "〓")).isEqualTo("〓～〓");
		assertThat(CharsetPolicy.describe(0x20BB7)).isEqualTo("𠮷 U+20BB7");
	}

	@Test
	void utf8HoldsEverything() {
		CharsetPolicy utf8 = CharsetPolicy.forCharset("UTF-8");
		assertThat(utf8.canEncodeAll("𠮷〜😀−")).isTrue();
		assertThat(utf8.normalize("〜−")).isEqualTo("〜−");
	}

}
