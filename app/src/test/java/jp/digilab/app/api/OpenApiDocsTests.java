package jp.digilab.app.api;

import jp.digilab.app.console.ConsoleTestSupport;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI description lists the REST API and, like every page, needs a login. */
class OpenApiDocsTests extends ConsoleTestSupport {

	@Test
	void theDescriptionListsTheApiPaths() throws Exception {
		this.mvc.perform(get("/v3/api-docs").with(user("op").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Digi-Lab Batch API"))
			.andExpect(jsonPath("$.paths['/api/runs'].get").exists())
			.andExpect(jsonPath("$.paths['/api/runs'].post").exists())
			.andExpect(jsonPath("$.paths['/api/runs/{runId}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/runs/{runId}/progress'].get").exists())
			.andExpect(jsonPath("$.paths['/api/runs/{runId}/stop'].post").exists())
			.andExpect(jsonPath("$.paths['/api/runs/{runId}/restart'].post").exists())
			.andExpect(jsonPath("$.paths['/api/schedules'].get").exists())
			.andExpect(jsonPath("$.paths['/api/schedules/{id}'].put").exists())
			.andExpect(jsonPath("$.paths['/api/schedules/{id}/pause'].post").exists())
			.andExpect(jsonPath("$.paths['/api/reports/hours'].get").exists())
			.andExpect(jsonPath("$.paths['/api/reports/hours.xlsx'].get").exists())
			// the console's pages are not part of the API
			.andExpect(jsonPath("$.paths['/runs']").doesNotExist());
	}

	@Test
	void theDescriptionAndTheUiNeedALogin() throws Exception {
		this.mvc.perform(get("/v3/api-docs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/swagger-ui.html").with(user("op").roles("OPERATOR")))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/swagger-ui/index.html"));
		this.mvc.perform(get("/swagger-ui/index.html").with(user("op").roles("OPERATOR"))).andExpect(status().isOk());
	}

}
