package jp.digilab.app.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpringContextsTests {

	@Test
	void digilabDbUrlSelectsThePostgresProfile() {
		assertThat(SpringContexts.databaseProfiles(Map.of())).isEmpty();
		assertThat(SpringContexts.databaseProfiles(Map.of("DIGILAB_DB_URL", " "))).isEmpty();
		assertThat(SpringContexts.databaseProfiles(Map.of("DIGILAB_DB_URL", "jdbc:postgresql://db:5432/digilab")))
			.containsExactly("postgres");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpringContexts.databaseProfiles(Map.of("DIGILAB_DB_URL", "jdbc:mysql://db/digilab")));
	}

}
