using System.IO.Compression;

namespace PainBias.Web.Features.VariantImport;

/// <summary>
/// Unpacks the uploaded files into <see cref="ImportEntry"/> items. Zips are read defensively: the entry count and the
/// declared total size are checked before anything is inflated, the bytes actually inflated are counted against the
/// same limits (a lying header does not help), and entries whose paths are absolute or climb out of the folder are
/// refused by name. No entry is ever written to disk.
/// </summary>
public sealed class ImportArchive(VariantImportOptions options, long maxFileBytes)
{
    private long _total;
    private int _count;

    public List<ImportEntry> Entries { get; } = [];

    public List<ImportProblem> Problems { get; } = [];

    public void Add(ImportFile file)
    {
        if (file.IsZip)
        {
            AddZip(file);
            return;
        }
        if (Count(file.Name, file.Data.Length))
            Entries.Add(new ImportEntry(file.Name, file.Data, null));
    }

    private void AddZip(ImportFile file)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(file.Data, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            Problems.Add(new ImportProblem(file.Name, $"The file is not a readable zip archive ({e.Message}). Create it again with your system's \"Compress\" command."));
            return;
        }

        using (zip)
        {
            var entries = zip.Entries.Where(e => !IsFolder(e) && !IsJunk(e.FullName)).ToList();
            if (_count + entries.Count > options.MaxFiles)
            {
                Problems.Add(new ImportProblem(file.Name, $"The archive holds {entries.Count} files; one import may hold at most {options.MaxFiles}. Split it into several imports."));
                return;
            }
            var declared = entries.Sum(e => e.Length);
            if (_total + declared > options.MaxTotalBytes)
            {
                Problems.Add(new ImportProblem(file.Name, $"The archive unpacks to {Mb(declared)} MB; one import may unpack to at most {Mb(options.MaxTotalBytes)} MB. Split it into several imports."));
                return;
            }
            foreach (var entry in entries)
            {
                var path = entry.FullName.Replace('\\', '/');
                if (Escapes(path))
                {
                    Problems.Add(new ImportProblem($"{file.Name}:{entry.FullName}", "The entry's path is absolute or leads out of the archive's folder (\"..\"); such an archive is refused. Zip the images from inside their folder."));
                    continue;
                }
                if (Read(file.Name, entry, path) is { } data)
                    Entries.Add(new ImportEntry(path, data, file.Name));
                else if (_total > options.MaxTotalBytes)
                    return;
            }
        }
    }

    /// <summary>Inflates at most one byte past each limit, so a lying header cannot inflate more than the limit.</summary>
    private byte[]? Read(string archive, ZipArchiveEntry entry, string path)
    {
        var item = $"{archive}:{path}";
        if (entry.Length > maxFileBytes)
        {
            Problems.Add(new ImportProblem(item, $"The file is {Mb(entry.Length)} MB unpacked; an image may be at most {Mb(maxFileBytes)} MB."));
            return null;
        }
        var limit = Math.Min(maxFileBytes, options.MaxTotalBytes - _total);
        using var buffer = new MemoryStream();
        try
        {
            using var stream = entry.Open();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    _total += buffer.Length;
                    Problems.Add(new ImportProblem(item, buffer.Length > maxFileBytes
                        ? $"The file unpacks to more than {Mb(maxFileBytes)} MB, the most an image may be (the archive claims {Mb(entry.Length)} MB)."
                        : $"The archive unpacks to more than {Mb(options.MaxTotalBytes)} MB, the most one import may hold (it claims less): refused as a possible zip bomb."));
                    return null;
                }
            }
        }
        catch (InvalidDataException e)
        {
            Problems.Add(new ImportProblem(item, $"The entry is damaged and cannot be unpacked ({e.Message})."));
            return null;
        }
        return Count(item, buffer.Length) ? buffer.ToArray() : null;
    }

    private bool Count(string item, long length)
    {
        _count++;
        _total += length;
        if (_count > options.MaxFiles)
        {
            Problems.Add(new ImportProblem(item, $"One import may hold at most {options.MaxFiles} files."));
            return false;
        }
        if (_total > options.MaxTotalBytes)
        {
            Problems.Add(new ImportProblem(item, $"The import holds more than {Mb(options.MaxTotalBytes)} MB; split it into several imports."));
            return false;
        }
        return true;
    }

    private static bool IsFolder(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');

    /// <summary>Finder and Explorer add these to zips on their own; refusing them would fail every Mac-made archive.</summary>
    private static bool IsJunk(string fullName)
    {
        var path = fullName.Replace('\\', '/');
        var name = Path.GetFileName(path);
        return path.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.StartsWith("._", StringComparison.Ordinal)
            || name is ".DS_Store" or "Thumbs.db" or "desktop.ini";
    }

    private static bool Escapes(string path) =>
        path.StartsWith('/') || (path.Length >= 2 && path[1] == ':') || path.Split('/').Any(segment => segment == "..");

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
