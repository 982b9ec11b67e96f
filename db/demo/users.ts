import type { Role } from "../scope.ts";

/** Fictional LINE users of the demo agencies, for the local chat console. */
export interface DemoUser {
  lineUserId: string;
  displayName: string;
  /** Undefined: a LINE user who has not joined any agency yet. */
  agencyCode?: string;
  role?: Role;
}

const id = (n: number) => `Udemo${String(n).padStart(28, "0")}`;

export const DEMO_USERS: DemoUser[] = [
  { lineUserId: id(1), displayName: "สมชาย (ผู้ดูแล ทต.ศรีสองรัก)", agencyCode: "SEED000", role: "admin" },
  { lineUserId: id(2), displayName: "สมหญิง (ผู้ดู อบต.บ้านแลง)", agencyCode: "SEED001", role: "viewer" },
  {
    lineUserId: id(3),
    displayName: "วิไล (ผู้แก้ไข หน่วยงานตัวอย่าง 7 ปี)",
    agencyCode: "DEMO00001",
    role: "editor",
  },
  { lineUserId: id(9), displayName: "ผู้ใช้ใหม่ (ยังไม่เชื่อมต่อ)" },
];
