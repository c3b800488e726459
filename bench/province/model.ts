/**
 * The shape of the generated province: its size, its calendar and the SQL expressions that derive
 * every learner's attributes from the learner's number n (0 … learners-1) and the seed. Everything is
 * a pure function of (seed, n), computed inside PostgreSQL with `bench.rnd(n, k)` (a hash of n and k,
 * uniform in [0, 1)), so a chunk can be re-generated identically and a re-run with the same seed gives
 * the same province (except client event ids, which are random: nothing refers to them).
 */

export interface ProvinceSize {
  seed: number;
  learners: number;
  /** Progress events wanted in total (the generator calibrates the events per lesson to it, ±2%). */
  events: number;
  communes: number;
}

/** Defaults: issue 9's "realistic province". */
export const DEFAULT_SIZE: ProvinceSize = { seed: 1, learners: 1_000_000, events: 20_000_000, communes: 100 };

/** The database a size lives in: the full size in hocso_bench_province, a smaller one beside it. */
export function databaseNameOf(size: ProvinceSize): string {
  const standard = size.learners === DEFAULT_SIZE.learners && size.events === DEFAULT_SIZE.events && size.seed === DEFAULT_SIZE.seed && size.communes === DEFAULT_SIZE.communes;
  if (standard) return 'hocso_bench_province';
  const k = size.learners >= 1000 ? `${Math.round(size.learners / 1000)}k` : String(size.learners);
  return `hocso_bench_province_${k}${size.seed === 1 ? '' : `_s${size.seed}`}`;
}

/** Codes of the generated tree (provisional-looking "X-…" codes like the demo units, never official ones). */
export const PROVINCE_CODE = 'X-BP';
export const communeCode = (c: number) => `X-BP-C${String(c).padStart(3, '0')}`;

/** The shared password of every generated account (its argon2id hash is computed once). */
export const BENCH_PASSWORD = 'bench-province-2026';

export const TARGET_GROUP_IDS = ['citizens', 'students', 'workers', 'officials'] as const;

/** Vietnamese family names (weights roughly as in the population, plus common names of the northern uplands). */
export const FAMILY_NAMES = [
  'Nguyễn', 'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ',
  'Ngô', 'Dương', 'Lý', 'Lò', 'Lường', 'Giàng', 'Sùng', 'Vàng', 'Tòng', 'Hà', 'Mùa', 'Cầm', 'Đinh', 'Tẩn', 'Phan',
];
export const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Thị', 'Văn', 'Minh', 'Thu', 'Ngọc', 'Quang', 'Thanh', 'Hữu', 'Xuân', 'A', 'Seo'];
export const GIVEN_NAMES = [
  'An', 'Anh', 'Bình', 'Chi', 'Chung', 'Cường', 'Dũng', 'Dung', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Huyền',
  'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Nga', 'Ngọc', 'Nhung', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm',
  'Thảo', 'Thắng', 'Thu', 'Trang', 'Trung', 'Tuấn', 'Vân', 'Việt', 'Xuân', 'Yến', 'Páo', 'Chứ', 'Súa', 'Dế', 'Mỷ',
];
/** Syllables of commune and village names. */
export const PLACE_WORDS = [
  'Bình', 'Tân', 'Phong', 'Nà', 'Mường', 'Sìn', 'Hồ', 'Than', 'Uyên', 'Khun', 'Há', 'Pa', 'Tần', 'Bum', 'Nậm', 'Hua', 'Tả',
  'Lèng', 'Phìn', 'Hoàng', 'Thèn', 'Dào', 'San', 'Thàng', 'Bản', 'Lang', 'Ma', 'Quai', 'Chăn', 'Nưa', 'Khoen', 'On', 'Lùng',
  'Thàng', 'Mù', 'Cả', 'Sà', 'Dề', 'Phìn', 'Tông', 'Qua', 'Hua', 'Bó', 'Lò', 'Pắc', 'Ta', 'Gia', 'Phúc', 'Kim', 'Hưng',
];

export const sqlTextArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/**
 * Registration calendar: one weight per day over the two years before the data's end day. Monthly
 * seasonality (Tết in late January–February and the summer holidays are quiet; the campaigns of
 * spring and autumn busy), a ramp (the movement grows), weekends quieter, and the weeks around
 * 10 October (National Digital Transformation Day) doubled.
 */
export const MONTH_WEIGHTS = [0.8, 0.45, 1.2, 1.3, 1.1, 0.75, 0.7, 0.9, 1.3, 1.45, 1.25, 0.95];
export const WEEKDAY_WEIGHTS = [0.65, 1.05, 1.05, 1.05, 1.05, 1.0, 0.85]; // Sunday first, as extract(dow)

/** Per learner: the probability of enrolling at all, by the commune's engagement e ∈ [0, 1]. */
export const ENROL_P = (e: string) => `(0.55 + 0.35 * ${e})`;
/** Per enrolment: the probability of finishing the course. */
export const COMPLETE_P = (e: string) => `(0.22 + 0.45 * ${e})`;
