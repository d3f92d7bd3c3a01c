package jp.digilab.jobs.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jp.digilab.jobs.JobReasons;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.Reasons;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.TemplateException;
import jp.digilab.robots.RobotScript;
import jp.digilab.robots.RobotScriptException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the job definitions of a home folder; files are read again on every call. */
public class JobCatalog {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final DigilabHome home;

	public JobCatalog(DigilabHome home) {
		this.home = home;
	}

	public JobDefinition get(String jobId) {
		Path file = this.home.jobs().resolve(jobId + ".yml");
		if (!Files.isRegularFile(file)) {
			throw new DefinitionException(JobReasons.JOB_NOT_DEFINED.text(jobId, file));
		}
		return load(file);
	}

	public Optional<JobDefinition> find(String jobId) {
		Path file = this.home.jobs().resolve(jobId + ".yml");
		return Files.isRegularFile(file) ? Optional.of(load(file)) : Optional.empty();
	}

	/**
	 * Checks that the templates and the robot a job names exist, so that a run does not
	 * start only to fail later.
	 */
	public void check(JobDefinition job) {
		for (String template : job.templates()) {
			Path file = this.home.templates().resolve(template + ".yml");
			if (!Files.isRegularFile(file)) {
				throw new DefinitionException(
						JobReasons.TEMPLATE_MISSING.text(this.home.jobs().resolve(job.id() + ".yml"), template, file));
			}
			// a broken template is found before the run claims any file, so the files
			// stay in the inbox (with this reason) instead of failing one by one
			try {
				FormTemplate.load(file);
			}
			catch (TemplateException ex) {
				throw new DefinitionException(JobReasons.JOB_CANNOT_RUN.text(job.id(), ex.getMessage()), ex);
			}
		}
		if (job.robot() != null && !job.robot().isBlank()) {
			Path file = this.home.robots().resolve(job.robot() + ".yml");
			if (!Files.isRegularFile(file)) {
				throw new DefinitionException(
						JobReasons.ROBOT_MISSING.text(this.home.jobs().resolve(job.id() + ".yml"), job.robot(), file));
			}
			try {
				RobotScript.load(file);
			}
			catch (RobotScriptException ex) {
				throw new DefinitionException(JobReasons.ROBOT_CANNOT_RUN.text(job.id(), ex.getMessage()), ex);
			}
		}
	}

	/**
	 * All readable definitions; unreadable ones are reported through {@code problems}.
	 */
	public List<JobDefinition> all(List<String> problems) {
		List<JobDefinition> result = new ArrayList<>();
		if (!Files.isDirectory(this.home.jobs())) {
			return result;
		}
		try (Stream<Path> files = Files.list(this.home.jobs())) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yml")).sorted().toList()) {
				try {
					result.add(load(file));
				}
				catch (DefinitionException ex) {
					problems.add(ex.getMessage());
				}
			}
		}
		catch (IOException ex) {
			problems.add(JobReasons.CANNOT_LIST.text(this.home.jobs(), ex.getMessage()));
		}
		return result;
	}

	public static JobDefinition load(Path file) {
		JobDefinition definition;
		try {
			definition = YAML.readValue(file.toFile(), JobDefinition.class);
		}
		catch (UnrecognizedPropertyException ex) {
			throw new DefinitionException(JobReasons.UNKNOWN_KEY.text(file, ex.getPropertyName(),
					String.join(", ", ex.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())), ex);
		}
		catch (JacksonException ex) {
			throw new DefinitionException((ex.getLocation() != null)
					? JobReasons.YAML_ERROR.text(file, ex.getOriginalMessage(), ex.getLocation().getLineNr())
					: Reasons.IN_FILE.text(file, ex.getOriginalMessage()), ex);
		}
		String expectedId = file.getFileName().toString().replaceFirst("\\.yml$", "");
		if (definition == null || definition.id() == null || definition.id().isBlank()) {
			throw new DefinitionException(JobReasons.ID_MISSING.text(file));
		}
		if (!definition.id().equals(expectedId)) {
			throw new DefinitionException(JobReasons.ID_MISMATCH.text(file, definition.id(), expectedId));
		}
		if (definition.templates().isEmpty()) {
			throw new DefinitionException(JobReasons.NO_TEMPLATES.text(file));
		}
		if (definition.hoursSaved().manualMinutesPerItem() < 0) {
			throw new DefinitionException(JobReasons.NEGATIVE_MINUTES.text(file));
		}
		return definition;
	}

}
