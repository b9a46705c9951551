using SkiaSharp;

namespace PainBias.Imaging.Decoding;

/// <summary>
/// Decodes uploads safely: byte, side and pixel limits are checked from the header before any pixel
/// memory is allocated, damaged files are refused rather than shown half-grey, and EXIF orientation is
/// applied so that faces are upright for the detector.
/// </summary>
public sealed class ImageDecoder(ImageDecoderOptions options)
{
    public ImageDecoder() : this(ImageDecoderOptions.Default)
    {
    }

    public ImageDecoderOptions Options { get; } = options;

    /// <summary>Reads at most one byte past the limit, so a huge stream is refused without buffering it.</summary>
    public async Task<DecodedImage> DecodeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        if (stream.CanSeek && stream.Length - stream.Position > Options.MaxBytes)
        {
            throw TooManyBytes(stream.Length - stream.Position);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Options.MaxBytes)
            {
                throw TooManyBytes(null);
            }
        }

        return Decode(buffer.ToArray());
    }

    public DecodedImage Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Empty, "The file is empty (0 bytes). Upload the image file again.");
        }

        if (data.Length > Options.MaxBytes)
        {
            throw TooManyBytes(data.Length);
        }

        // The codec owns the stream and reads only the header until pixels are asked for.
        using var codec = SKCodec.Create(new MemoryStream(data, writable: false), out var createResult)
            ?? throw Unreadable(data, createResult);

        // Header only so far: refuse decompression bombs before allocating their pixels.
        var width = codec.Info.Width;
        var height = codec.Info.Height;
        CheckDimensions(width, height);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        try
        {
            var result = codec.GetPixels(info, bitmap.GetPixels());
            // libjpeg pads a progressive JPEG that ends early with blank scans and Skia reports success; a whole
            // file has its end marker after its last scan.
            if (result == SKCodecResult.Success && codec.EncodedFormat == SKEncodedImageFormat.Jpeg && !JpegEndsAfterLastScan(data))
                result = SKCodecResult.IncompleteInput;
            switch (result)
            {
                case SKCodecResult.Success:
                    break;
                case SKCodecResult.IncompleteInput:
                    throw new ImageRejectedException(
                        ImageRejectionReason.Truncated,
                        $"The {FormatName(codec.EncodedFormat)} file ends before its pixel data does (it was probably cut off during upload or copying). Upload the complete file again.");
                default:
                    throw new ImageRejectedException(
                        ImageRejectionReason.Corrupt,
                        $"The {FormatName(codec.EncodedFormat)} file's pixel data is damaged ({result}). Open and re-save it in an image editor, then upload it again.");
            }

            var origin = codec.EncodedOrigin;
            var upright = ImageOrientation.ApplyOrigin(bitmap, origin);
            if (!ReferenceEquals(upright, bitmap))
            {
                bitmap.Dispose();
            }

            // Immutable pixels let every later SKImage share them instead of copying up to 160 MB each time.
            upright.SetImmutable();
            return new DecodedImage(upright, codec.EncodedFormat, origin);
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    private void CheckDimensions(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The image header declares an impossible size of {width}×{height} pixels. Re-save the image and upload it again.");
        }

        if (width > Options.MaxSide || height > Options.MaxSide)
        {
            throw new ImageRejectedException(
                ImageRejectionReason.SideTooLong,
                $"The image is {width}×{height} pixels; each side may be at most {Options.MaxSide} pixels. Resize it (a face needs no more than about 2000 pixels) and upload it again.");
        }

        var pixels = (long)width * height;
        if (pixels > Options.MaxPixels)
        {
            throw new ImageRejectedException(
                ImageRejectionReason.TooManyPixels,
                $"The image is {width}×{height} = {pixels / 1e6:0.#} megapixels; the limit is {Options.MaxPixels / 1e6:0.#} megapixels. Resize it and upload it again.");
        }
    }

    private ImageRejectedException TooManyBytes(long? length) => new(
        ImageRejectionReason.TooManyBytes,
        (length is { } n ? $"The file is {n / 1048576.0:0.#} MB; " : "The file is larger than the limit; ")
        + $"files may be at most {Options.MaxBytes / 1048576.0:0.#} MB. Save it as a JPEG or resize it, then upload it again.");

    /// <summary>
    /// Whether an end-of-image marker (FF D9) follows the last start-of-scan marker (FF DA). Inside entropy-coded data
    /// a 0xFF byte is always followed by 0x00 or a restart marker, so neither marker can appear there by chance; an
    /// EXIF thumbnail's own markers come before the image's scans. Skia does not expose the markers, so they are looked up here.
    /// </summary>
    internal static bool JpegEndsAfterLastScan(ReadOnlySpan<byte> data)
    {
        var lastScan = data.LastIndexOf([(byte)0xFF, (byte)0xDA]);
        return lastScan >= 0 && data[(lastScan + 2)..].IndexOf([(byte)0xFF, (byte)0xD9]) >= 0;
    }

    private static ImageRejectedException Unreadable(byte[] data, SKCodecResult result)
    {
        if (ImageSignature.SniffUnsupported(data) is { } unsupported)
        {
            return new ImageRejectedException(
                ImageRejectionReason.UnsupportedFormat,
                $"This is a {unsupported} image, which the platform does not read. Export it as JPEG or PNG (on an iPhone: Settings › Camera › Formats › Most Compatible) and upload it again.");
        }

        var format = ImageSignature.Sniff(data);
        if (format is null)
        {
            return new ImageRejectedException(
                ImageRejectionReason.NotAnImage,
                "The file is not an image in a supported format (JPEG, PNG, WebP, GIF or BMP). Check that you chose the photo itself, not a document or archive.");
        }

        return result == SKCodecResult.IncompleteInput
            ? new ImageRejectedException(ImageRejectionReason.Truncated, $"The {format} file ends inside its header (it was probably cut off). Upload the complete file again.")
            : new ImageRejectedException(ImageRejectionReason.Corrupt, $"The file starts like a {format} but its header is damaged ({result}). Open and re-save it in an image editor, then upload it again.");
    }

    private static string FormatName(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Webp => "WebP",
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Bmp => "BMP",
        _ => format.ToString(),
    };
}
