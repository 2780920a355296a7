package org.fanzha.monitoring.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fanzha.identity.FanzhaPrincipal;
import org.fanzha.monitoring.MonitoringRules;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring rules in force and their versions; the anti-fraud centre's analysts load
 * new versions.
 */
@RestController
@Tag(name = "Monitoring", description = "Transfer decisions for banks")
class RulesApi {

	private final MonitoringRules rules;

	RulesApi(MonitoringRules rules) {
		this.rules = rules;
	}

	record RulesIn(String rules, String note) {
	}

	@GetMapping("/api/v1/transfers/rules")
	@Operation(summary = "The rule set in force")
	MonitoringRules.RuleSetView current() {
		return rules.current();
	}

	@GetMapping("/api/v1/transfers/rules/history")
	@Operation(summary = "Every version loaded, newest first")
	List<MonitoringRules.RuleSetView> history() {
		return rules.history();
	}

	@PutMapping("/api/v1/transfers/rules")
	@Operation(summary = "Load a new version of the rules (anti-fraud centre); takes effect for the next transfer")
	MonitoringRules.RuleSetView load(@AuthenticationPrincipal FanzhaPrincipal me, @RequestBody RulesIn in) {
		return rules.load(in == null ? null : in.rules(), in == null ? null : in.note(), me.username());
	}

}
