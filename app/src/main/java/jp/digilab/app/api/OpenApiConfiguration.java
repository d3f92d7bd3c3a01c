package jp.digilab.app.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI description ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}); both need a login like every page.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI digilabOpenApi() {
		return new OpenAPI().info(new Info().title("Digi-Lab Batch API")
			.version("1")
			.description("Runs, schedules, review and hours-saved reports of a Digi-Lab Batch server. "
					+ "Log in through the console (session cookie); POST and PUT need the CSRF token "
					+ "from GET /api/csrf in the X-CSRF-TOKEN header."));
	}

}
