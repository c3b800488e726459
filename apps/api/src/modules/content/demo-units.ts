/**
 * Demo administrative units: Lai Châu province in Vietnam's two-level local government in force
 * since 1 July 2025 (province → commune/ward, no districts), with five of its 38 commune-level units
 * and a few villages ("bản") and residential groups ("tổ dân phố") in each. Loaded by the
 * import-demo-units job (`npm start`) through UnitsService.importUnitsCsv, an upsert by code, so
 * a repeat changes nothing.
 *
 * Sources and certainty:
 * - Country "VN": ISO 3166-1 alpha-2; the GSO code list has no code for the country itself.
 * - Province "12": the General Statistics Office (GSO) code of Lai Châu; the province was kept as it
 *   was by the 2025 merger of provinces (Resolution 202/2025/QH15), and with it its code.
 * - Communes and wards: names from Resolution 1670/NQ-UBTVQH15 of 16 June 2025 on the arrangement
 *   of the commune-level units of Lai Châu (36 communes and 2 wards from 1 July 2025). Their new
 *   five-digit codes (Decision 19/2025/QĐ-TTg) are NOT reproduced here because we could not verify
 *   them: the codes below are provisional ("X-12-…"), marked so they can never pass for official
 *   ones. Re-import with the official codes before production (a code change is a new unit: import
 *   into a fresh database, or rename codes in SQL).
 * - Villages: GSO codes stop at the commune; village codes are always local, here "X-12-…-nn".
 *   "Bản Nà Phát" and "Bản Nà Khan" of Xã Bình Lư are named in the press (Tiền Phong, 2 Nov 2025);
 *   the other village and residential-group names are ILLUSTRATIVE (common names), not checked
 *   against the communes' own lists.
 */
export const DEMO_UNITS_CSV = `code,name,level,parent_code
VN,Việt Nam,country,
12,Tỉnh Lai Châu,province,VN
X-12-TANPHONG,Phường Tân Phong,commune,12
X-12-DOANKET,Phường Đoàn Kết,commune,12
X-12-BINHLU,Xã Bình Lư,commune,12
X-12-SINHO,Xã Sìn Hồ,commune,12
X-12-THANUYEN,Xã Than Uyên,commune,12
X-12-TANPHONG-01,Tổ dân phố số 1,village,X-12-TANPHONG
X-12-TANPHONG-02,Tổ dân phố số 2,village,X-12-TANPHONG
X-12-TANPHONG-03,Tổ dân phố số 3,village,X-12-TANPHONG
X-12-DOANKET-01,Tổ dân phố số 1,village,X-12-DOANKET
X-12-DOANKET-02,Tổ dân phố số 2,village,X-12-DOANKET
X-12-BINHLU-01,Bản Nà Phát,village,X-12-BINHLU
X-12-BINHLU-02,Bản Nà Khan,village,X-12-BINHLU
X-12-SINHO-01,Bản Mới,village,X-12-SINHO
X-12-SINHO-02,Bản Chợ,village,X-12-SINHO
X-12-THANUYEN-01,Bản Mới,village,X-12-THANUYEN
X-12-THANUYEN-02,Bản Cầu,village,X-12-THANUYEN
`;

/**
 * DEMO FIGURES, not statistics: plausible orders of magnitude for Lai Châu (about half a million
 * inhabitants, a third of them under 18) so that coverage percentages have denominators in the
 * demo. citizens = adults; officials = cán bộ, công chức, viên chức (many in the two wards, the
 * province seat); students = pupils and students; workers = employees of enterprises and cooperatives.
 * Replace with the province's figures (unit_code,target_group,year,population) before real use.
 */
export const DEMO_POPULATIONS_CSV = `unit_code,target_group,year,population
12,citizens,2025,330000
12,citizens,2026,335000
12,officials,2025,14500
12,officials,2026,14300
12,students,2025,142000
12,students,2026,144000
12,workers,2025,21000
12,workers,2026,22500
X-12-TANPHONG,citizens,2025,11800
X-12-TANPHONG,citizens,2026,12000
X-12-TANPHONG,officials,2025,2600
X-12-TANPHONG,officials,2026,2580
X-12-TANPHONG,students,2025,5200
X-12-TANPHONG,students,2026,5300
X-12-TANPHONG,workers,2025,1900
X-12-TANPHONG,workers,2026,2000
X-12-DOANKET,citizens,2025,9400
X-12-DOANKET,citizens,2026,9550
X-12-DOANKET,officials,2025,2100
X-12-DOANKET,officials,2026,2090
X-12-DOANKET,students,2025,4300
X-12-DOANKET,students,2026,4400
X-12-DOANKET,workers,2025,1500
X-12-DOANKET,workers,2026,1600
X-12-BINHLU,citizens,2025,9800
X-12-BINHLU,citizens,2026,9900
X-12-BINHLU,officials,2025,420
X-12-BINHLU,officials,2026,415
X-12-BINHLU,students,2025,4900
X-12-BINHLU,students,2026,4950
X-12-BINHLU,workers,2025,380
X-12-BINHLU,workers,2026,400
X-12-SINHO,citizens,2025,8900
X-12-SINHO,citizens,2026,9000
X-12-SINHO,officials,2025,380
X-12-SINHO,officials,2026,375
X-12-SINHO,students,2025,5100
X-12-SINHO,students,2026,5200
X-12-SINHO,workers,2025,150
X-12-SINHO,workers,2026,160
X-12-THANUYEN,citizens,2025,12500
X-12-THANUYEN,citizens,2026,12700
X-12-THANUYEN,officials,2025,560
X-12-THANUYEN,officials,2026,555
X-12-THANUYEN,students,2025,6200
X-12-THANUYEN,students,2026,6300
X-12-THANUYEN,workers,2025,900
X-12-THANUYEN,workers,2026,950
X-12-TANPHONG-01,citizens,2025,1450
X-12-TANPHONG-02,citizens,2025,1320
X-12-TANPHONG-03,citizens,2025,1180
X-12-DOANKET-01,citizens,2025,1260
X-12-DOANKET-02,citizens,2025,1090
X-12-BINHLU-01,citizens,2025,610
X-12-BINHLU-02,citizens,2025,540
X-12-SINHO-01,citizens,2025,480
X-12-SINHO-02,citizens,2025,520
X-12-THANUYEN-01,citizens,2025,700
X-12-THANUYEN-02,citizens,2025,650
`;
