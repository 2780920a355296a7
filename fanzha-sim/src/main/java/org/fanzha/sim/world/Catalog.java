package org.fanzha.sim.world;

import java.util.List;

import org.fanzha.core.RegionCode;

/**
 * Fixed reference data of the simulated province: banks and payment institutions,
 * universities, merchant categories, surnames and given-name characters. Market weights
 * are assumptions unless cited. BINs are real issuer prefixes of the big banks; those of
 * the regional banks are illustrative.
 */
public final class Catalog {

	private Catalog() {
	}

	public record Institution(String code, String name, boolean bank, String[] bins, double weight) {
	}

	/**
	 * Banks weighted by an assumed share of personal accounts in Shaanxi; then the two
	 * big payment institutions.
	 */
	public static final List<Institution> INSTITUTIONS = List.of(
			new Institution("ICBC", "中国工商银行", true, new String[] { "622202", "621226", "622208" }, 0.16),
			new Institution("ABC", "中国农业银行", true, new String[] { "622848", "622845" }, 0.14),
			new Institution("BOC", "中国银行", true, new String[] { "621661", "621660" }, 0.08),
			new Institution("CCB", "中国建设银行", true, new String[] { "621700", "622700" }, 0.15),
			new Institution("BOCOM", "交通银行", true, new String[] { "622262", "622260" }, 0.04),
			new Institution("PSBC", "中国邮政储蓄银行", true, new String[] { "621799", "622188" }, 0.12),
			new Institution("CMB", "招商银行", true, new String[] { "621483", "622588" }, 0.05),
			new Institution("CITIC", "中信银行", true, new String[] { "622690", "621773" }, 0.03),
			new Institution("CIB", "兴业银行", true, new String[] { "622909", "622908" }, 0.03),
			new Institution("SPDB", "上海浦东发展银行", true, new String[] { "622521", "621792" }, 0.02),
			new Institution("XABANK", "西安银行", true, new String[] { "623190" }, 0.05),
			new Institution("CAB", "长安银行", true, new String[] { "623209" }, 0.04),
			new Institution("SXRCU", "陕西省农村信用社联合社", true, new String[] { "623158" }, 0.09),
			new Institution("ALIPAY", "支付宝（中国）网络技术有限公司", false, new String[0], 0),
			new Institution("TENPAY", "财付通支付科技有限公司", false, new String[0], 0));

	public static final int ALIPAY = 13;

	public static final int TENPAY = 14;

	static final double[] BANK_CUMULATIVE;

	static {
		double[] w = new double[ALIPAY];
		for (int i = 0; i < ALIPAY; i++) {
			w[i] = INSTITUTIONS.get(i).weight();
		}
		BANK_CUMULATIVE = Rng.cumulative(w);
	}

	public record School(String name, RegionCode region, int students) {
	}

	/**
	 * Universities of Shaanxi with the district of their main campus; student numbers
	 * approximate.
	 */
	public static final List<School> SCHOOLS = List.of(new School("西安交通大学", RegionCode.of("610103"), 40_000),
			new School("西北工业大学", RegionCode.of("610103"), 33_000), new School("西北大学", RegionCode.of("610103"), 30_000),
			new School("西安电子科技大学", RegionCode.of("610113"), 37_000),
			new School("陕西师范大学", RegionCode.of("610113"), 36_000), new School("长安大学", RegionCode.of("610113"), 34_000),
			new School("西安建筑科技大学", RegionCode.of("610103"), 30_000),
			new School("西北政法大学", RegionCode.of("610116"), 22_000),
			new School("西安外国语大学", RegionCode.of("610116"), 20_000),
			new School("西北农林科技大学", RegionCode.of("610403"), 30_000),
			new School("延安大学", RegionCode.of("610602"), 25_000), new School("宝鸡文理学院", RegionCode.of("610302"), 20_000),
			new School("陕西理工大学", RegionCode.of("610702"), 22_000), new School("榆林学院", RegionCode.of("610802"), 14_000),
			new School("渭南师范学院", RegionCode.of("610502"), 15_000),
			new School("咸阳师范学院", RegionCode.of("610402"), 14_000), new School("安康学院", RegionCode.of("610902"), 12_000),
			new School("商洛学院", RegionCode.of("611002"), 10_000));

	/**
	 * Merchant categories with the median amount of one purchase in yuan (assumptions).
	 */
	public enum MerchantCategory {

		SUPERMARKET(60), RESTAURANT(45), ONLINE_SHOP(90), UTILITY(150), TELECOM_BILL(60), FUEL(250), PHARMACY(50),
		ELECTRONICS(1_500), GOLD_SHOP(6_000);

		private final int medianYuan;

		MerchantCategory(int medianYuan) {
			this.medianYuan = medianYuan;
		}

		public int medianYuan() {
			return medianYuan;
		}

	}

	/**
	 * Common surnames, most frequent first (order of the 2020 census ranking, recalled).
	 */
	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建波鹏辉宇浩凯晨欣怡梓涵轩雨萱博文思远佳琪嘉俊鑫宏斌婷雪琳颖瑞泽航昊天";

	/** Zipf-like weights so the first surnames are much more common. */
	static final double[] SURNAME_CUMULATIVE;

	static {
		double[] w = new double[SURNAMES.length()];
		for (int i = 0; i < w.length; i++) {
			w[i] = 1.0 / (i + 3);
		}
		SURNAME_CUMULATIVE = Rng.cumulative(w);
	}

	/** A synthetic Chinese name, deterministic in the hash. */
	public static String name(long hash) {
		Rng r = new Rng(hash);
		StringBuilder b = new StringBuilder(3);
		b.append(SURNAMES.charAt(r.pick(SURNAME_CUMULATIVE)));
		b.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
		if (r.chance(0.7)) {
			b.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
		}
		return b.toString();
	}

}
