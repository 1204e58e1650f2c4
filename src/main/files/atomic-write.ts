// Writing a file the clerk chose: to a temporary file beside it, flushed, then renamed over the target, so that a
// full disk, a locked file or a crash never leaves a half-written export (or destroys the previous one).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';

function explain(e: NodeJS.ErrnoException, target: string): string {
  const where = `“${target}”`;
  switch (e.code) {
    case 'EBUSY':
    case 'EPERM':
    case 'ETXTBSY':
      return `无法写入${where}：文件可能正被 Excel、WPS 或其他程序打开，或者没有写入权限。请关闭该文件后重试，或另存为其他文件名。`;
    case 'EACCES':
    case 'EROFS':
      return `无法写入${where}：所在文件夹是只读的或没有写入权限。请选择其他文件夹（例如“文档”或“桌面”）。`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `无法写入${where}：磁盘空间不足。请清理磁盘或保存到其他位置。`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `无法写入${where}：所在文件夹不存在。`;
    case 'EISDIR':
      return `无法写入${where}：这是一个文件夹，不是文件。`;
    case 'ENAMETOOLONG':
      return `无法写入${where}：文件名或路径太长。`;
    default:
      return `无法写入${where}（${e.code ?? e.message}）。`;
  }
}

export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    // writeSync may write less than asked (a nearly full disk): keep going until it errors or finishes.
    for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw new AppError('FILE_ERROR', explain(e as NodeJS.ErrnoException, target));
  }
}
