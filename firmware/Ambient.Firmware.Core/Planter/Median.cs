namespace Ambient.Firmware.Planter
{
    /// <summary>Median of a few ADC samples: one spike from Wi-Fi or a loose contact does not move it.</summary>
    public static class Median
    {
        /// <summary>Sorts the first <paramref name="count"/> values in place (insertion sort, count is ~9) and returns the median.</summary>
        public static int Of(int[] values, int count)
        {
            for (int i = 1; i < count; i++)
            {
                int v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = v;
            }

            return count % 2 == 1 ? values[count / 2] : (values[(count / 2) - 1] + values[count / 2]) / 2;
        }
    }
}
