package jp.digilab.jobs.definition;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobCatalogTests {

	@TempDir
	Path dir;

	@Test
	void readsTheSampleJob() {
		JobDefinition job = JobCatalog.load(Path.of("../samples/home/jobs/juminhyo.yml"));
		assertThat(job.id()).isEqualTo("juminhyo");
		assertThat(job.department()).isEqualTo("小倉北区 市民課");
		assertThat(job.templates()).containsExactly("juminhyo-request");
		assertThat(job.robot()).isEqualTo("juminhyo-entry");
		assertThat(job.hoursSaved().manualMinutesPerItem()).isEqualTo(6.5);
	}

	@Test
	void reviewIsSingleEntryUnlessTheJobAsksForDoubleEntry() throws Exception {
		assertThat(JobCatalog.load(Path.of("../samples/home/jobs/juminhyo.yml")).review())
			.isEqualTo(new JobDefinition.Review(false, false));
		Path file = Files.writeString(this.dir.resolve("double.yml"), """
				id: double
				templates: [t]
				review: { doubleEntry: true, revealMyNumbers: true }
				""");
		assertThat(JobCatalog.load(file).review()).isEqualTo(new JobDefinition.Review(true, true));
		Path typo = Files.writeString(this.dir.resolve("typo.yml"), """
				id: typo
				templates: [t]
				review: { doubleEntri: true }
				""");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> JobCatalog.load(typo))
			.withMessageContaining("unknown key 'doubleEntri'")
			.withMessageContaining("doubleEntry");
	}

	@Test
	void aTypoIsReportedWithFileAndLine() throws Exception {
		Path file = Files.writeString(this.dir.resolve("bad.yml"), """
				id: bad
				templates: [t]
				hoursSavd:
				  manualMinutesPerItem: 3
				""");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> JobCatalog.load(file))
			.withMessageStartingWith(file.toString())
			.withMessageContaining("unknown key 'hoursSavd'")
			.withMessageContaining("hoursSaved");
	}

	@Test
	void idMustMatchTheFileName() throws Exception {
		Path file = Files.writeString(this.dir.resolve("one.yml"), "id: two\ntemplates: [t]\n");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> JobCatalog.load(file))
			.withMessageContaining("does not match the file name 'one'");
	}

	@Test
	void aJobNeedsATemplate() throws Exception {
		Path file = Files.writeString(this.dir.resolve("none.yml"), "id: none\n");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> JobCatalog.load(file))
			.withMessageContaining("'templates' must name at least one template");
	}

	@Test
	void aMissingTemplateOrRobotIsNamed() throws Exception {
		Files.createDirectories(this.dir.resolve("jobs"));
		Files.createDirectories(this.dir.resolve("templates"));
		Files.writeString(this.dir.resolve("templates/form.yml"), FORM);
		JobCatalog catalog = new JobCatalog(new jp.digilab.jobs.home.DigilabHome(this.dir));
		Files.writeString(this.dir.resolve("jobs/a.yml"), "id: a\ntemplates: [nope]\n");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> catalog.check(catalog.get("a")))
			.withMessageContaining("a.yml: template 'nope' does not exist");
		Files.writeString(this.dir.resolve("jobs/b.yml"), "id: b\ntemplates: [form]\nrobot: gone\n");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> catalog.check(catalog.get("b")))
			.withMessageContaining("b.yml: robot 'gone' does not exist");
	}

	static final String FORM = """
			id: form
			title: form
			match: { keywords: [form] }
			fields:
			  - { name: a, label: A, box: [10, 10, 50, 10], type: text }
			""";

	@Test
	void aBrokenTemplateOrRobotIsFoundBeforeARunStarts() throws Exception {
		Files.createDirectories(this.dir.resolve("templates"));
		Files.createDirectories(this.dir.resolve("jobs"));
		Files.createDirectories(this.dir.resolve("robots"));
		Files.writeString(this.dir.resolve("templates/form.yml"), FORM);
		Files.writeString(this.dir.resolve("templates/broken.yml"), "id: broken\nfields: [unclosed\n");
		Files.writeString(this.dir.resolve("robots/bad.yml"), "id: bad\nperRecord:\n  - flyTo: moon\n");
		JobCatalog catalog = new JobCatalog(new jp.digilab.jobs.home.DigilabHome(this.dir));
		Files.writeString(this.dir.resolve("jobs/t.yml"), "id: t\ntemplates: [broken]\n");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> catalog.check(catalog.get("t")))
			.withMessageStartingWith("job 't' cannot run: ")
			.withMessageContaining("templates/broken.yml");
		Files.writeString(this.dir.resolve("jobs/r.yml"), "id: r\ntemplates: [form]\nrobot: bad\n");
		assertThatExceptionOfType(DefinitionException.class).isThrownBy(() -> catalog.check(catalog.get("r")))
			.withMessageContaining("job 'r' cannot run: robot ")
			.withMessageContaining("robots/bad.yml:3: unknown step 'flyTo'");
		Files.writeString(this.dir.resolve("jobs/ok.yml"), "id: ok\ntemplates: [form]\n");
		catalog.check(catalog.get("ok"));
	}

}
