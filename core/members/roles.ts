// A member's role and its Thai name, without zod: the app's first download and the chat use them.

export const ROLES = ["admin", "editor", "viewer"] as const;
export type MemberRole = (typeof ROLES)[number];

export const ROLE_TH: Record<MemberRole, string> = { admin: "ผู้ดูแล", editor: "ผู้แก้ไข", viewer: "ผู้ดู" };
