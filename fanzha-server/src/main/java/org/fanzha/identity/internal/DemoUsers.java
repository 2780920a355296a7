package org.fanzha.identity.internal;

import java.util.List;
import java.util.Set;

import org.fanzha.identity.AgencyType;
import org.fanzha.identity.Directory;
import org.fanzha.identity.IdentityProperties;
import org.fanzha.identity.IssuedToken;
import org.fanzha.identity.NewUser;
import org.fanzha.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sample agencies of Shaanxi province and one user per role (and a provincial centre
 * officer besides the Xi'an one), for {@code ./fanzha demo}. Idempotent: what exists
 * already is left alone, so a restarted demo keeps its data. The users are listed in the
 * README.
 */
@Component
@ConditionalOnBooleanProperty("fanzha.identity.demo-users")
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	record DemoAgency(String code, String name, AgencyType type, String region) {
	}

	record DemoUser(String username, String displayName, String phone, String agency, Role role) {
	}

	static final List<DemoAgency> AGENCIES = List.of(
			new DemoAgency("SN-AFC", "陕西省公安厅反诈中心", AgencyType.ANTI_FRAUD_CENTRE, "610000"),
			new DemoAgency("XA-AFC", "西安市公安局反诈中心", AgencyType.ANTI_FRAUD_CENTRE, "610100"),
			new DemoAgency("XA-YT-XZL", "西安市公安局雁塔分局小寨路派出所", AgencyType.POLICE_STATION, "610113"),
			// one station per Xi'an city district, so that in-person visits there have
			// someone to go
			new DemoAgency("XA-XC-XYS", "西安市公安局新城分局西一路派出所", AgencyType.POLICE_STATION, "610102"),
			new DemoAgency("XA-BL-NYM", "西安市公安局碑林分局南院门派出所", AgencyType.POLICE_STATION, "610103"),
			new DemoAgency("XA-LH-BYM", "西安市公安局莲湖分局北院门派出所", AgencyType.POLICE_STATION, "610104"),
			new DemoAgency("XA-WY-ZGL", "西安市公安局未央分局张家堡派出所", AgencyType.POLICE_STATION, "610112"),
			new DemoAgency("XA-CA-WQ", "西安市公安局长安分局韦曲派出所", AgencyType.POLICE_STATION, "610116"),
			new DemoAgency("ICBC-SN", "中国工商银行陕西省分行", AgencyType.BANK, "610000"),
			new DemoAgency("CMCC-SN", "中国移动陕西有限公司", AgencyType.TELECOM_OPERATOR, "610000"),
			new DemoAgency("NWU", "西北大学", AgencyType.SCHOOL, "610103"),
			new DemoAgency("SN-PROC", "陕西省人民检察院", AgencyType.PROCURATORATE, "610000"),
			new DemoAgency("SN-NPC", "陕西省人大常委会", AgencyType.OVERSIGHT, "610000"));

	static final List<DemoUser> USERS = List.of(new DemoUser("admin", "系统管理员", "13800000001", "SN-AFC", Role.ADMIN),
			new DemoUser("centre", "王警官（反诈中心）", "13800000002", "XA-AFC", Role.CENTRE_OFFICER),
			new DemoUser("province", "孙警官（省反诈中心）", "13800000009", "SN-AFC", Role.CENTRE_OFFICER),
			new DemoUser("station", "李警官（小寨路派出所）", "13800000003", "XA-YT-XZL", Role.STATION_OFFICER),
			new DemoUser("bank", "张经理（工商银行）", "13800000004", "ICBC-SN", Role.BANK_OFFICER),
			new DemoUser("telecom", "赵工（中国移动）", "13800000005", "CMCC-SN", Role.TELECOM_OFFICER),
			new DemoUser("school", "陈老师（西北大学）", "13800000006", "NWU", Role.SCHOOL_OFFICER),
			new DemoUser("procurator", "刘检察官", "13800000007", "SN-PROC", Role.PROCURATOR),
			new DemoUser("oversight", "周委员（人大）", "13800000008", "SN-NPC", Role.OVERSIGHT),
			new DemoUser("icbc-gateway", "工商银行止付接口", null, "ICBC-SN", Role.BANK_OFFICER));

	private final Directory directory;

	private final IdentityProperties properties;

	DemoUsers(Directory directory, IdentityProperties properties) {
		this.directory = directory;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int created = 0;
		for (DemoAgency a : AGENCIES) {
			if (directory.agency(a.code()).isEmpty()) {
				directory.createAgency(a.code(), a.name(), a.type(), a.region());
			}
		}
		for (DemoUser u : USERS) {
			if (!directory.userExists(u.username())) {
				directory.register(new NewUser(u.username(), properties.demoPassword(), u.displayName(), u.phone(),
						u.agency(), Set.of(u.role())));
				created++;
			}
		}
		// a fresh token each start, so a bank simulator can call the API without a
		// console login
		IssuedToken token = directory.issueToken("icbc-gateway", "demo gateway token");
		log.info("Demo: {} sample users created ({} in all, password '{}'); bank API token for icbc-gateway: {}",
				created, USERS.size(), properties.demoPassword(), token.token());
	}

}
