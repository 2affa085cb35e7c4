// The public facts of the 2024 NTT JPTP selection, copied from test/fixtures/ntt-2024-jptp.json
// (source: seeds/000_ca7c3b2b1ae0cb8e.txt (BKD NTT, 15 May 2024); inauguration facts from public news of 19-20 May 2025).
// Pansel members, applicants, intermediate results and their dates are not public: tests invent them plausibly and say so.

export const NTT_2024 = {
  kind: 'jptp-open-selection',
  title:
    'Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Pemerintah Provinsi Nusa Tenggara Timur Tahun 2024',
  ppkStatus: {
    status: 'PENJABAT',
    name: 'Ayodhia G.L. Kalake',
    since: '2023-09-05',
  },
  /** The Pj Gubernur from 6 September 2024 (Keppres 98/P/2024). */
  ppkStatusFrom20240906: {
    status: 'PENJABAT',
    name: 'Andriko Noto Susanto',
    since: '2024-09-06',
  },
  openSelectionBasis:
    'Peraturan Pemerintah Nomor 11 Tahun 2017 Pasal 130 ayat (2): penataan tidak memperoleh calon dengan kompetensi sesuai',
  documents: {
    mendagriApproval: {
      issuer: 'MENDAGRI',
      number: '100.2.1.3/2147/SJ',
      date: '2024-05-06',
      subject:
        'Persetujuan Pelaksanaan Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Daerah Provinsi Nusa Tenggara Timur',
    },
    supervisoryRecommendation: {
      issuer: 'KASN',
      number: 'B-1626/JP.00.00/05/2024',
      date: '2024-05-08',
      subject:
        'Rekomendasi Rencana Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Provinsi Nusa Tenggara Timur',
    },
    panselDecree: {
      issuer: 'GUBERNUR',
      number: '816.2.1/128/BKD.3.2',
      date: '2024-05-13',
      subject:
        'Pembentukan dan Pengangkatan Panitia Seleksi, Sekretariat Panitia Seleksi dan Tim Penilai Kompetensi (Asesor) Pelaksanaan Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Provinsi Nusa Tenggara Timur',
    },
    panselResultDecision: {
      issuer: 'PANSEL',
      number: '15/Pansel-JPT/VI/2024',
      date: '2024-06-24',
      subject: 'Keputusan Panitia Seleksi tentang hasil seleksi terbuka JPT Pratama (BKD NTT)',
    },
    resultRecommendation: {
      issuer: 'KASN',
      number: 'R-2225/JP.00.00/07/2024',
      date: '2024-07-12',
      subject: 'Rekomendasi KASN atas hasil seleksi terbuka JPT Pratama Provinsi NTT (BKD NTT)',
    },
    resultAnnouncement: {
      issuer: 'PANSEL',
      number: 'PENG.03/PANSEL-JPTP/2024',
      date: '2024-07-16',
      subject: 'Pengumuman hasil akhir seleksi terbuka JPT Pratama (BKD NTT, 16 Juli 2024)',
    },
    appointmentDecree: {
      issuer: 'GUBERNUR',
      number: '816.2/1/48/BKD.3.2',
      date: '2025-05-19',
      subject:
        'Pengangkatan dalam Jabatan Pimpinan Tinggi Pratama (public news; exact subject not published)',
    },
  },
  registration: {
    opensOn: '2024-05-15',
    closesOn: '2024-05-29',
    portal: 'https://ac.bkd.nttprov.go.id/selter/',
  },
  inauguration: {
    date: '2025-05-19',
    ppk: {
      status: 'GUBERNUR',
      name: 'Melki Laka Lena',
    },
  },
  vacancies: [
    {
      no: 1,
      title: 'Staf Ahli Gubernur Bidang Kesejahteraan Rakyat',
      status: 'LOWONG',
    },
    {
      no: 2,
      title: 'Kepala Dinas Perhubungan Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 3,
      title:
        'Kepala Dinas Penanaman Modal dan Perijinan Terpadu Satu Pintu Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 4,
      title: 'Kepala Dinas Pekerjaan Umum dan Perumahan Rakyat Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 5,
      title: 'Kepala Dinas Pertanian dan Ketahanan Pangan Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 6,
      title: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 7,
      title: 'Kepala Dinas Energi dan Sumber Daya Mineral Provinsi Nusa Tenggara Timur',
      status: 'AKAN_LOWONG',
      tmt: '2024-08-01',
    },
    {
      no: 8,
      title: 'Kepala Badan Keuangan Daerah Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 9,
      title: 'Sekretaris Dewan Perwakilan Rakyat Daerah Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 10,
      title: 'Kepala Satuan Polisi Pamong Praja Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 11,
      title: 'Kepala Biro Umum Sekretariat Daerah Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 12,
      title: 'Kepala Biro Organisasi Sekretariat Daerah Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 13,
      title:
        'Kepala Biro Pengadaan Barang dan Jasa Sekretariat Daerah Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 14,
      title:
        'Kepala Biro Perekonomian dan Administrasi Pembangunan Sekretariat Daerah Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
    {
      no: 15,
      title: 'Direktur RSUD Prof. Dr. W.Z. Johannes Kupang Provinsi Nusa Tenggara Timur',
      status: 'LOWONG',
    },
  ],
} as const;
