package org.fanzha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure (no cycles, no access to another module's internals) and
 * writes the module documentation that docs/architecture.md links to.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(FanzhaApplication.class);

	@Test
	void modulesAreWellFormed() {
		modules.verify();
		assertThat(modules.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("audit",
				"identity", "console", "platform", "simulation", "cases", "funds", "ledger", "monitoring", "telecom",
				"warnings", "statistics", "linking", "cardcutting", "kafka");
	}

	@Test
	void writesModuleDocumentation() throws Exception {
		Path out = Path.of("..", "docs", "modules");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString())).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		try (var files = Files.list(out)) {
			for (Path doc : files.toList()) {
				if (doc.toString().endsWith(".puml")) {
					sortRelations(doc);
				}
				else if (doc.toString().endsWith(".adoc")) {
					sortListItems(doc);
				}
			}
		}
		assertThat(out.resolve("components.puml")).exists();
		assertThat(Files.readString(out.resolve("components.puml"))).contains("Identity and access")
			.contains("Audit")
			.contains("Console");
	}

	/**
	 * Table cells list events and beans in hash order too: each cell's items ("|* a", "*
	 * b", …) are sorted.
	 */
	private static void sortListItems(Path adoc) throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(adoc));
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).startsWith("|* ")) {
				continue;
			}
			int j = i + 1;
			while (j < lines.size() && lines.get(j).startsWith("* ")) {
				j++;
			}
			List<String> items = new ArrayList<>();
			items.add(lines.get(i).substring(1));
			items.addAll(lines.subList(i + 1, j));
			Collections.sort(items);
			items.set(0, "|" + items.get(0));
			for (int k = i; k < j; k++) {
				lines.set(k, items.get(k - i));
			}
			i = j - 1;
		}
		Files.write(adoc, lines);
	}

	/**
	 * The documenter emits relations in hash order; sorting keeps the committed docs
	 * stable between builds.
	 */
	private static void sortRelations(Path puml) throws Exception {
		List<String> lines = new ArrayList<>(Files.readAllLines(puml));
		int i = 0;
		while (i < lines.size()) {
			if (!lines.get(i).startsWith("Rel(")) {
				i++;
				continue;
			}
			int j = i;
			while (j < lines.size() && lines.get(j).startsWith("Rel(")) {
				j++;
			}
			Collections.sort(lines.subList(i, j));
			i = j;
		}
		Files.write(puml, lines);
	}

}
