package org.fanzha.warnings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fanzha.core.RegionCode;
import org.fanzha.engine.warnings.Channel;
import org.fanzha.engine.warnings.StationRouting;
import org.fanzha.identity.Agency;
import org.fanzha.identity.AgencyRegistered;
import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a task goes: visits to the police station of the person's county, calls to the
 * 96110 desk of the nearest anti-fraud centre above the county, SMS to 12381. The station
 * table is built from the directory once and kept until an agency is registered (then
 * rebuilt at the next route, after that registration committed), not rebuilt per task.
 */
@Component
class StationRoutes {

	record Route(String code, String name) {
	}

	/** The platform's agencies as routing needs them; immutable, replaced as a whole. */
	private record Table(StationRouting stations, Map<String, List<StationRouting.Station>> byCounty,
			List<Agency> centres) {
	}

	private final Directory directory;

	private volatile Table table;

	StationRoutes(Directory directory) {
		this.directory = directory;
	}

	/**
	 * A county whose stations are not on the platform yet goes to its county bureau,
	 * which the centre sees; a person under no centre goes to the national 96110 line.
	 */
	Route route(Channel channel, String county) {
		if (channel == Channel.SMS) {
			return new Route("12381", "12381 预警短信");
		}
		Table t = table();
		if (channel == Channel.VISIT) {
			if (t.byCounty().containsKey(county)) {
				StationRouting.Station s = t.stations().route(county).station();
				return new Route(s.id(), s.name());
			}
			RegionCode c = RegionCode.of(county);
			return new Route("COUNTY-" + county, c.name().orElse(county) + "公安局（派出所未接入平台）");
		}
		RegionCode person = RegionCode.of(county);
		Agency best = null;
		for (Agency a : t.centres()) {
			if (a.regionCode().contains(person) && (best == null || best.regionCode().contains(a.regionCode()))) {
				best = a;
			}
		}
		return best == null ? new Route("96110", "96110 反诈专线") : new Route(best.code(), best.name() + " 96110 专席");
	}

	private Table table() {
		Table t = table;
		if (t == null) {
			Map<String, List<StationRouting.Station>> byCounty = new TreeMap<>();
			List<Agency> centres = new ArrayList<>();
			for (Agency a : directory.agencies()) {
				if (a.regionCode() == null) {
					continue;
				}
				if (a.type() == AgencyType.POLICE_STATION && a.regionCode().isCounty()) {
					byCounty.computeIfAbsent(a.regionCode().value(), k -> new ArrayList<>())
						.add(new StationRouting.Station(a.code(), a.name()));
				}
				else if (a.type() == AgencyType.ANTI_FRAUD_CENTRE) {
					centres.add(a);
				}
			}
			t = new Table(new StationRouting(byCounty), byCounty, List.copyOf(centres));
			table = t;
		}
		return t;
	}

	/**
	 * A new agency: forget the table now and again once the registration committed (a
	 * read in between is stale).
	 */
	@EventListener
	void on(AgencyRegistered registered) {
		table = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					table = null;
				}
			});
		}
	}

}
