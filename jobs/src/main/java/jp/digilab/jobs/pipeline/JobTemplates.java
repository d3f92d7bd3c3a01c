package jp.digilab.jobs.pipeline;

import java.util.ArrayList;
import java.util.List;

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
		TemplateRepository repository = TemplateRepository.load(this.home.templates());
		List<FormTemplate> templates = new ArrayList<>();
		for (String id : job.templates()) {
			templates.add(repository.find(id)
				.orElseThrow(() -> new DefinitionException("Job '" + job.id() + "' names template '" + id + "', but "
						+ this.home.templates().resolve(id + ".yml") + " does not exist")));
		}
		return templates;
	}

}
