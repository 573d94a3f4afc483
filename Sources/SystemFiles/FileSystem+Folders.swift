import Glibc

extension FileSystem {
  /// What a walk through a folder found: the files whose name was wanted, and the folders that
  /// could not be read (never silently skipped: a script in one is a script that did not run).
  public struct FolderContents: Hashable, Sendable {
    public var files: [String] = []
    public var unreadableFolders: [FileError] = []
  }

  /// The files under `folder` (and its sub-folders, recursively) whose name `wanted` accepts,
  /// paths as `folder/sub/name`, in no particular order. Symbolic links to files are taken;
  /// links to folders are not followed (a link back up would loop). Files of any kind are
  /// taken (a named pipe called `x.chat` is reported when it is read, not skipped).
  public static func files(under folder: String, named wanted: (String) -> Bool) -> FolderContents {
    var contents = FolderContents()
    var pending = [folder]
    while let current = pending.popLast() {
      let directory: OpaquePointer?
      do {
        directory = opendir(try PathNames.systemPath(current))
      } catch {
        contents.unreadableFolders.append(error)
        continue
      }
      guard let directory else {
        contents.unreadableFolders.append(FileError(current, errno: errno))
        continue
      }
      defer { closedir(directory) }
      let prefix = current.hasSuffix("/") ? current : current + "/"
      while let entry = readdir(directory) {
        let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
        guard bytes != [46], bytes != [46, 46] else { continue }
        let name = PathNames.name(bytes)
        let path = prefix + name
        var type = Int32(entry.pointee.d_type)
        if type == Int32(DT_UNKNOWN), let systemPath = try? PathNames.systemPath(path) {
          var status = stat()
          if lstat(systemPath, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: type = Int32(DT_DIR)
            case S_IFLNK: type = Int32(DT_LNK)
            default: type = Int32(DT_REG)
            }
          }
        }
        if type == Int32(DT_DIR) {
          pending.append(path)
        } else if wanted(name), !(type == Int32(DT_LNK) && isFolder(path)) {
          contents.files.append(path)
        }
      }
    }
    return contents
  }
}
