package jp.digilab.app.console;

import java.nio.file.Path;

import jp.digilab.app.demo.DemoHomes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One application context for every console test: a fresh copy of the sample home, no
 * scheduler, MockMvc with Spring Security's filters.
 */
@SpringBootTest(properties = { "spring.quartz.auto-startup=false", "digilab.inbox.enabled=false" })
@AutoConfigureMockMvc
public abstract class ConsoleTestSupport {

	protected static final Path home = DemoHomes.freshCopy();

	@Autowired
	protected MockMvc mvc;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("digilab.home", home::toString);
	}

}
