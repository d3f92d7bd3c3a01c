package jp.digilab.jobs.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.digilab.jobs.JobReasons;
import jp.digilab.jobs.definition.DefinitionException;
import jp.digilab.jobs.definition.JobDefinition;
import jp.digilab.jobs.home.DigilabHome;
import jp.digilab.ocr.template.FormTemplate;
import jp.digilab.ocr.template.TemplateRepository;

/** Looks up the form templates a job names. */
class JobTemplates {

	private final DigilabHome home;

	JobTemplates(DigilabHome home) {
		this.home = home;
	}

	List<FormTemplate> of(JobDefinition job) {
		List<FormTemplate> templates = new ArrayList<>();
		TemplateRepository repository = null;
		for (String id : job.templates()) {
			// the job's own files first: a broken template of another job must not stop
			// this one
			Path own = this.home.templates().resolve(id + ".yml");
			if (Files.isRegularFile(own)) {
				FormTemplate template = FormTemplate.load(own);
				if (template.id().equals(id)) {
					templates.add(template);
					continue;
				}
			}
			if (repository == null) {
				repository = TemplateRepository.load(this.home.templates());
			}
			templates.add(repository.find(id)
				.orElseThrow(() -> new DefinitionException(JobReasons.JOB_TEMPLATE_NOT_FOUND.text(job.id(), id,
						this.home.templates().resolve(id + ".yml")))));
		}
		return templates;
	}

}
