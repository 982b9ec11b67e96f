import type { FileError } from "./api/types.ts";

/** A refused file's problems, each with the row and column the official sees in Excel. */
export function FileErrors({ errors }: { errors: FileError[] }) {
  return (
    <div class="file-errors" role="alert">
      <p>
        <strong>ยังนำเข้าไม่ได้</strong> ไฟล์มีข้อผิดพลาด {errors.length} รายการ แก้ในไฟล์แล้วตรวจสอบอีกครั้ง
        (ระบบไม่ได้บันทึกอะไร)
      </p>
      <div class="table-scroll">
        <table class="changes">
          <caption class="sr-only">ข้อผิดพลาดในไฟล์</caption>
          <thead>
            <tr>
              <th scope="col">แถว</th>
              <th scope="col">คอลัมน์</th>
              <th scope="col">ข้อผิดพลาด</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}>
                <td class="num">{e.line ?? "–"}</td>
                <td>{e.column ?? "–"}</td>
                <td>{e.th}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
