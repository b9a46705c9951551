using System.Text;
using PainBias.Imaging.Decoding;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Decoding;

public sealed class ImageDecoderTests
{
    private readonly ImageDecoder _decoder = new();

    [Theory]
    [InlineData("hopper.jpg", 512, 600, SKEncodedImageFormat.Jpeg)]
    [InlineData("collins-astronaut.png", 512, 512, SKEncodedImageFormat.Png)]
    public void Decodes_real_photos_at_their_size(string name, int width, int height, SKEncodedImageFormat format)
    {
        using var image = _decoder.Decode(TestImages.Bytes(name));

        Assert.Equal((width, height), (image.Width, image.Height));
        Assert.Equal(format, image.Format);
        Assert.Equal(SKEncodedOrigin.TopLeft, image.Origin);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_an_image()
    {
        var csv = Encoding.UTF8.GetBytes("face_id,gender,race,age\n1,F,W,Young\n2,M,B,Senior\n");

        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(csv));

        Assert.Equal(ImageRejectionReason.NotAnImage, e.Reason);
        Assert.Contains("not an image", e.Message);
    }

    [Theory]
    [InlineData("heic", "HEIC")]
    [InlineData("avif", "AVIF")]
    public void Names_a_phone_photo_format_it_cannot_read(string brand, string name)
    {
        byte[] header = [0, 0, 0, 24, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 0];

        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(header));

        Assert.Equal(ImageRejectionReason.UnsupportedFormat, e.Reason);
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void Refuses_an_empty_file()
    {
        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode([]));

        Assert.Equal(ImageRejectionReason.Empty, e.Reason);
    }

    [Fact]
    public void Refuses_a_truncated_jpeg()
    {
        var whole = TestImages.Bytes("hopper.jpg");
        var cut = whole[..(whole.Length * 2 / 5)];

        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(cut));

        Assert.Equal(ImageRejectionReason.Truncated, e.Reason);
        Assert.Contains("JPEG", e.Message);
    }

    [Theory]
    [InlineData(0.45)]
    [InlineData(0.9)]
    public void Refuses_a_truncated_progressive_jpeg_that_the_codec_would_pad(double kept)
    {
        var whole = TestImages.Bytes("Tom_Cruise_avp_2014_4.jpg");
        Assert.Contains((byte)0xC2, whole); // SOF2: progressive
        var cut = whole[..(int)(whole.Length * kept)];

        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(cut));

        Assert.Equal(ImageRejectionReason.Truncated, e.Reason);
        Assert.Contains("ends before", e.Message);
    }

    [Fact]
    public void Decodes_a_whole_progressive_jpeg_and_one_with_bytes_after_its_end()
    {
        var whole = TestImages.Bytes("Tom_Cruise_avp_2014_4.jpg");

        using var image = _decoder.Decode(whole);
        using var trailed = _decoder.Decode([.. whole, .. "trailing camera data"u8]);

        Assert.Equal((image.Width, image.Height), (trailed.Width, trailed.Height));
    }

    [Fact]
    public void Refuses_a_jpeg_cut_inside_its_header()
    {
        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(TestImages.Bytes("hopper.jpg")[..40]));

        Assert.True(e.Reason is ImageRejectionReason.Truncated or ImageRejectionReason.Corrupt, $"reason was {e.Reason}");
    }

    [Fact]
    public void Refuses_a_png_declaring_50000_by_50000_from_its_header()
    {
        var bomb = CraftedFiles.PngDeclaring(50_000, 50_000);
        Assert.True(bomb.Length < 100);

        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(bomb));

        // Sides are checked from the header; reaching the pixel stage would have meant a 10 GB allocation.
        Assert.Equal(ImageRejectionReason.SideTooLong, e.Reason);
        Assert.Contains("50000×50000", e.Message);
    }

    [Fact]
    public void Refuses_too_many_pixels_even_when_each_side_is_allowed()
    {
        var e = Assert.Throws<ImageRejectedException>(() => _decoder.Decode(CraftedFiles.PngDeclaring(10_000, 9_000)));

        Assert.Equal(ImageRejectionReason.TooManyPixels, e.Reason);
    }

    [Fact]
    public void Accepts_a_size_inside_custom_limits_and_refuses_one_outside()
    {
        var strict = new ImageDecoder(new ImageDecoderOptions { MaxSide = 500 });

        var e = Assert.Throws<ImageRejectedException>(() => strict.Decode(TestImages.Bytes("hopper.jpg")));
        using var ok = strict.Decode(TestImages.Bytes("John_Simm_000288_00470387.jpg"));

        Assert.Equal(ImageRejectionReason.SideTooLong, e.Reason);
        Assert.Equal(150, ok.Width);
    }

    [Fact]
    public void Refuses_a_file_over_the_byte_limit()
    {
        var decoder = new ImageDecoder(new ImageDecoderOptions { MaxBytes = 10_000 });

        var e = Assert.Throws<ImageRejectedException>(() => decoder.Decode(TestImages.Bytes("hopper.jpg")));

        Assert.Equal(ImageRejectionReason.TooManyBytes, e.Reason);
    }

    [Fact]
    public async Task Refuses_an_unseekable_stream_over_the_byte_limit_without_reading_all_of_it()
    {
        var decoder = new ImageDecoder(new ImageDecoderOptions { MaxBytes = 10_000 });
        var stream = new CountingStream(new MemoryStream(new byte[5_000_000]));

        var e = await Assert.ThrowsAsync<ImageRejectedException>(() => decoder.DecodeAsync(stream));

        Assert.Equal(ImageRejectionReason.TooManyBytes, e.Reason);
        Assert.True(stream.BytesRead < 200_000, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task Decodes_from_a_stream()
    {
        using var stream = new MemoryStream(TestImages.Bytes("hopper.jpg"));

        using var image = await _decoder.DecodeAsync(stream);

        Assert.Equal(512, image.Width);
    }

    /// <summary>Hides seeking, as a network upload does, and counts what was read.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
